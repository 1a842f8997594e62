import { createServer, connect, type Server, type Socket } from 'node:net';
import { PostgresStore } from '../../../adapters/store/postgres/postgres-store';
import { aCaller, aMeetingInput, aPartnerInput, aUser } from '../../../testkit/factories';
import { dropSchema, freshSchemaName, TEST_DATABASE_URL } from '../../../testkit/postgres';
import { aSpace, testCore, type TestCore } from '../../../testkit/test-core';

/** Splits one direction of a PostgreSQL connection into its messages' type bytes, whatever the chunks. */
class MessageTypes {
  private rest: Buffer = Buffer.alloc(0);

  /** `untypedFirst`: the client's stream opens with a startup message, which has no type byte. */
  constructor(private untypedFirst: boolean) {}

  /** The types of the messages this chunk completes ('' for the startup message). */
  read(chunk: Buffer): string[] {
    this.rest = this.rest.length > 0 ? Buffer.concat([this.rest, chunk]) : chunk;
    const types: string[] = [];
    for (;;) {
      const typed = !this.untypedFirst;
      if (this.rest.length < (typed ? 5 : 4)) break;
      const length = typed ? 1 + this.rest.readUInt32BE(1) : this.rest.readUInt32BE(0);
      if (this.rest.length < length) break;
      types.push(typed ? String.fromCharCode(this.rest[0]!) : '');
      this.rest = this.rest.subarray(length);
      this.untypedFirst = false;
    }
    return types;
  }
}

/**
 * A loopback proxy in front of PostgreSQL that counts the client's flights: each time the client sends after
 * having had an answer. Statements sent together arrive as one flight, so a unit of work's flights are the round
 * trips it waits for.
 *
 * Once the connection is ready, the proxy hands the client a flight's answers together, when PostgreSQL has
 * answered every statement sent so far (a ReadyForQuery for each simple query and each Sync). PostgreSQL may
 * send one flight's answers in pieces, and a client that receives them apart goes on from each piece
 * separately: the writes the first piece lets it issue leave in a send of their own, which would count as a
 * flight although nothing waited for it (seen once in about thirty logs).
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
      const sent = new MessageTypes(true);
      const received = new MessageTypes(false);
      // Until the first ReadyForQuery (startup and authentication) everything passes straight through.
      let ready = false;
      let owed = 0;
      let held: Buffer[] = [];
      // A flight starts with the first data after an answer: one the kernel delivers in two reads is still one.
      let answered = true;
      client.on('data', (chunk: Buffer) => {
        if (answered) counter.flights++;
        answered = false;
        for (const type of sent.read(chunk)) if (ready && (type === 'Q' || type === 'S')) owed++;
        upstream.write(chunk);
      });
      upstream.on('data', (chunk: Buffer) => {
        held.push(chunk);
        for (const type of received.read(chunk)) {
          if (type !== 'Z') continue;
          if (ready) owed--;
          ready = true;
        }
        if (ready && owed > 0) return;
        client.write(Buffer.concat(held));
        held = [];
        answered = true;
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
