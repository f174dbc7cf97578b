import { DEMO_API_KEY, DEMO_BOT_ID } from '../../src/common/demo-meeting.ts';
import { startSimulatorServer } from './simulator-server.ts';
import { addDemoBots } from '../simulator/demo-bots.ts';
import { SimulatedAttendee } from '../simulator/simulated-attendee.ts';

const port = Number(process.env.PORT ?? 8787);
const simulator = new SimulatedAttendee();
addDemoBots(simulator);
const server = await startSimulatorServer(simulator, port);

console.log(`Simulated Attendee API on ${server.url}`);
console.log(`  bot ${DEMO_BOT_ID} and five more, API key "${DEMO_API_KEY}" (a public demo key)`);
console.log(`  use it as the upstream: ATTENDEE_API_URL=${server.url} npm run dev`);

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    void server.close().then(() => process.exit(0));
  });
}
