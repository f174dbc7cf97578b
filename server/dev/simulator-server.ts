import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { DroppedConnection } from '../simulator/dropped-connection.ts';
import { clientGoneSignal, sendWebResponse, toWebRequest } from '../node-http.ts';
import type { SimulatedAttendee } from '../simulator/simulated-attendee.ts';

export interface RunningSimulatorServer {
  /** `http://127.0.0.1:<port>`, to use as ATTENDEE_API_URL. */
  url: string;
  close(): Promise<void>;
}

/**
 * Serves a simulator over real HTTP on the loopback interface; the caller keeps control of it.
 * Anything that answers a Request as the simulator does will do (the browser tests hand each
 * file's simulator in turn to one server).
 */
export function startSimulatorServer(
  simulator: Pick<SimulatedAttendee, 'handle'>,
  port = 0,
): Promise<RunningSimulatorServer> {
  const server = createServer((req, res) => {
    const request = toWebRequest(req, req.url, clientGoneSignal(res));
    simulator
      .handle(request)
      .then((response) => sendWebResponse(res, response))
      .catch((error: unknown) => {
        // A simulated outage answers nothing; an abandoned request has no one left to answer.
        if (
          request.signal.aborted ||
          (error instanceof Error && error.cause instanceof DroppedConnection)
        ) {
          res.destroy();
          return;
        }
        res.statusCode = 500;
        res.setHeader('Content-Type', 'application/json');
        res.end(JSON.stringify({ error: String(error) }));
      });
  });
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => {
      const { port: actualPort } = server.address() as AddressInfo;
      resolve({
        url: `http://127.0.0.1:${actualPort}`,
        close: () =>
          new Promise<void>((resolveClose, rejectClose) => {
            server.close((error) => (error ? rejectClose(error) : resolveClose()));
            server.closeAllConnections();
          }),
      });
    });
  });
}
