import { createServer, connect, type Server, type Socket } from 'node:net';
import { PostgresStore } from '../../../adapters/store/postgres/postgres-store';
import { aCaller, aMeetingInput, aPartnerInput, aUser } from '../../../testkit/factories';
import { dropSchema, freshSchemaName, TEST_DATABASE_URL } from '../../../testkit/postgres';
import { aSpace, testCore, type TestCore } from '../../../testkit/test-core';

/**
 * A loopback proxy in front of PostgreSQL that counts the client's flights: each time the client sends after
 * having had an answer. Statements sent together arrive as one flight, so a unit of work's flights are the round
 * trips it waits for.
 */
class FlightCounter {
  flights = 0;
  private readonly sockets = new Set<Socket>();

  private constructor(private readonly server: Server) {}

  static async start(target: URL): Promise<FlightCounter> {
    const server = createServer();
    const counter = new FlightCounter(server);
    server.on('connection', (client) => {
      const upstream = connect(Number(target.port || 5432), target.hostname);
      counter.sockets.add(client).add(upstream);
      // A flight starts with the first data after an answer: one the kernel delivers in two reads is still one.
      let answered = true;
      client.on('data', (chunk) => {
        if (answered) counter.flights++;
        answered = false;
        upstream.write(chunk);
      });
      upstream.on('data', (chunk) => {
        answered = true;
        client.write(chunk);
      });
      client.on('close', () => upstream.destroy());
      upstream.on('close', () => client.destroy());
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    return counter;
  }

  /** A connection string like `url`, through this proxy. */
  urlFor(url: URL): string {
    const through = new URL(url);
    through.hostname = '127.0.0.1';
    through.port = String((this.server.address() as { port: number }).port);
    return through.toString();
  }

  async close(): Promise<void> {
    for (const socket of this.sockets) socket.destroy();
    await new Promise((resolve) => this.server.close(resolve));
  }
}

describe('round trips of a meeting log on PostgreSQL', () => {
  const database = new URL(TEST_DATABASE_URL);
  const schema = freshSchemaName();
  let proxy: FlightCounter;
  let store: PostgresStore;
  let tc: TestCore;

  beforeAll(async () => {
    proxy = await FlightCounter.start(database);
    // One connection, so every statement of the log goes through the one socket the proxy counts.
    store = await PostgresStore.open({ connectionString: proxy.urlFor(database), schema, maxConnections: 1 });
    tc = testCore(store);
  });

  afterAll(async () => {
    await store.close();
    await proxy.close();
    await dropSchema(schema);
  });

  it('waits four times: lock and claim, the reads, the reminder reads, and the commit with every write', async () => {
    const caller = aCaller({ spaceId: aSpace() });
    // A partner with a check-in schedule, which the meeting completes (its reminders are re-planned).
    const { partner } = await tc.core.partners.add(caller, aPartnerInput());
    // As the bot-turn benchmark's submit: the sender attends and owns both actions, and has logged before.
    const meeting = aMeetingInput(partner.id, {
      attendees: [{ user: aUser(1, 'Alex Wilber') }],
      actions: [
        { title: 'Share revised rota', owner: { user: aUser(1, 'Alex Wilber') }, dueDate: '2026-03-06' },
        { title: 'Send on-time figures', owner: { user: aUser(1, 'Alex Wilber') }, dueDate: '2026-03-13' },
      ],
    });
    await tc.core.meetings.log(caller, meeting, 'first-form');
    const before = proxy.flights;

    const logged = await tc.core.meetings.log(caller, meeting, 'second-form');

    expect(logged.replayed).toBe(false);
    expect(logged.actions).toHaveLength(2);
    expect(proxy.flights - before).toBe(4);
  });
});
