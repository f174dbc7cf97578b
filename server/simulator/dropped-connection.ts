/**
 * Thrown (as the `cause` of the error) by a simulator that means to give no HTTP answer at all:
 * the simulator's HTTP server destroys the socket, as a crashed or restarting upstream would.
 */
export class DroppedConnection extends Error {
  constructor() {
    super('connection dropped by a simulated fault');
    this.name = 'DroppedConnection';
  }
}
