// Solves the proof-of-work challenges it is sent, as a voter's browser would with altcha-lib, in a
// process of its own so that several solve at once; answers with the solutions in the same order.
import { solveChallenge, type Challenge } from 'altcha-lib';
import { deriveKey } from 'altcha-lib/algorithms/sha';

// A failure rejects unhandled, which ends this process as an uncaught error would.
process.once('message', (challenges: Challenge[]) => void solveAll(challenges));

async function solveAll(challenges: Challenge[]): Promise<void> {
  const solutions: { counter: number; derivedKey: string }[] = [];
  for (const challenge of challenges) {
    const solution = await solveChallenge({ challenge, deriveKey, timeout: 0 });
    if (!solution) throw new Error('a challenge had no solution');
    solutions.push({ counter: solution.counter, derivedKey: solution.derivedKey });
  }
  process.send!(solutions, () => process.disconnect());
}
