import { KeptClients } from '../../server/kept-clients';

/** A client that says which making it came from. */
interface Made {
  readonly key: string;
  readonly making: number;
}

function counting(): { make: (key: string) => () => Promise<Made>; makings: () => number } {
  let makings = 0;
  return {
    make: (key) => async () => ({ key, making: ++makings }),
    makings: () => makings,
  };
}

describe(KeptClients.name, () => {
  it('makes a client once per key and shares it', async () => {
    const clients = new KeptClients<Made>(4);
    const { make, makings } = counting();

    const first = await clients.get('a', make('a'));
    const again = await clients.get('a', make('a'));
    const other = await clients.get('b', make('b'));

    expect(again).toBe(first);
    expect(other).toEqual({ key: 'b', making: 2 });
    expect(makings()).toBe(2);
  });

  it('shares a client still being made with whoever asks meanwhile', async () => {
    const clients = new KeptClients<Made>(4);
    const { make, makings } = counting();

    const [first, second] = await Promise.all([clients.get('a', make('a')), clients.get('a', make('a'))]);

    expect(second).toBe(first);
    expect(makings()).toBe(1);
  });

  it('does not keep a client whose making failed: the next ask makes one', async () => {
    const clients = new KeptClients<Made>(4);
    const outage = new Error('credentials could not be made');

    await expect(clients.get('a', () => Promise.reject(outage))).rejects.toBe(outage);
    const made = await clients.get('a', async () => ({ key: 'a', making: 1 }));

    expect(made).toEqual({ key: 'a', making: 1 });
  });

  it('keeps at most its limit, letting the oldest go first', async () => {
    const clients = new KeptClients<Made>(2);
    const { make } = counting();
    const oldest = await clients.get('a', make('a'));
    const middle = await clients.get('b', make('b'));

    await clients.get('c', make('c'));

    expect(await clients.get('b', make('b'))).toBe(middle);
    expect(await clients.get('a', make('a'))).not.toBe(oldest);
  });
});
