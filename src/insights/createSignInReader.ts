import { USERS_BY_ID_PER_REQUEST, type Directory } from '../ports.js';
import { parseSignInActivity } from './parseSignInActivity.js';
import { SIGN_IN_SELECT } from './readSignInActivity.js';
import { signInUnavailable } from './signInUnavailable.js';
import type { SignInInfo, SignInRead } from './types.js';

// How the run reads sign-ins (docs/decisions/sign-ins-read-by-id.md). Graph serves signInActivity
// 120 (500 since 2025) users a page, one page after the other: 417 round trips for 50,000 users.
// A directory that fits one page of the licensed-users read (999) is still read whole, in the
// fewest requests (the sample organisation: 5). A larger one is read by id as each site's members
// become known, USERS_BY_ID_PER_REQUEST ids a request, SIGN_IN_REQUESTS_IN_FLIGHT requests at once.
// Allowed by Graph: `$filter=id in (...)` on /users is documented (filter-query-parameter), each
// request costs 1 resource unit (GET users 2, minus 1 for $select: throttling-limits, identity and
// access) against 3,500 to 8,000 per 10 seconds per app and tenant: 16 in flight stay far below it.
// A tenant with sites reads ~1 request per 40 licensed members; a --site run only its sites' members.
export const SIGN_IN_REQUESTS_IN_FLIGHT = 16;
/** A first page of the licensed-users read (999 a page) this full means a larger tenant: read by id. */
export const BY_ID_FROM_FIRST_PAGE_OF = 999;

export interface SignInPlan {
  /**
   * 'tenant': the whole tenant page by page, unless `usersOnFirstPage` (the licensed-users read's
   * first page) reaches BY_ID_FROM_FIRST_PAGE_OF; 'by-id': only the accounts asked for (a run over
   * some sites, a preview).
   */
  mode: 'tenant' | 'by-id';
  usersOnFirstPage?: Promise<number | undefined>;
}

export interface SignInReader {
  /** Settles once the first answer is in (the tenant's first page; at once by id): a 403 is known by then. */
  started: Promise<void>;
  /** The sign-ins of these accounts, each read once per run (the map may hold others), or why they cannot be. */
  forUsers(ids: Iterable<string>): Promise<SignInRead>;
  /** What the run has read so far: the run summary's view once every site is done. */
  current(): SignInRead;
}

/** One run's sign-ins. Never rejects: a failure turns the check off for the rest of the run (signInUnavailable). */
export function createSignInReader(directory: Pick<Directory, 'pageUsers' | 'listUsersByIds'>, plan: SignInPlan): SignInReader {
  const known = new Map<string, SignInInfo>();
  let failure: Extract<SignInRead, { signIns: 'unavailable' }> | undefined;
  let wholeTenant = false;
  const learn = (records: Parameters<typeof parseSignInActivity>[0]) => {
    for (const [id, info] of parseSignInActivity(records)) known.set(id, info);
  };
  const byId = batchIds(async (ids) => {
    if (failure) return;
    try {
      learn(await directory.listUsersByIds(ids, SIGN_IN_SELECT));
    } catch (error) {
      failure ??= signInUnavailable(error);
    }
  });

  let firstAnswer = (): void => undefined;
  const started = new Promise<void>((resolve) => (firstAnswer = resolve));
  const tenantRead = plan.mode === 'tenant' ? readTenant() : (firstAnswer(), Promise.resolve());

  async function readTenant(): Promise<void> {
    let large = false;
    void plan.usersOnFirstPage?.then((users) => (large = (users ?? 0) >= BY_ID_FROM_FIRST_PAGE_OF));
    try {
      for await (const page of directory.pageUsers(SIGN_IN_SELECT)) {
        learn(page);
        firstAnswer();
        if (large) return; // the rest by id, as the sites ask for their members
      }
      wholeTenant = true;
    } catch (error) {
      failure ??= signInUnavailable(error);
    } finally {
      firstAnswer();
    }
  }

  return {
    started,
    async forUsers(ids) {
      await tenantRead;
      if (!failure && !wholeTenant) await byId([...ids].filter((id) => !known.has(id)));
      return failure ?? { signIns: known };
    },
    current: () => failure ?? { signIns: known },
  };
}

/**
 * Reads ids in batches: each id once per run, up to USERS_BY_ID_PER_REQUEST ids per read and
 * SIGN_IN_REQUESTS_IN_FLIGHT reads at once. A batch is formed when a read can start, so that under
 * load the ids of several sites share requests. `read` must not reject.
 */
function batchIds(read: (ids: string[]) => Promise<void>): (ids: readonly string[]) => Promise<void> {
  /** One per call: settles when the last of its new ids is read (50,000 ids share a few hundred of these). */
  interface Wave {
    left: number;
    settle: () => void;
    done: Promise<void>;
  }
  const waveOf = new Map<string, Wave>();
  const queue: Array<{ id: string; wave: Wave }> = [];
  let inFlight = 0;
  let pumping = false;
  const pump = (): void => {
    pumping = false;
    while (inFlight < SIGN_IN_REQUESTS_IN_FLIGHT && queue.length > 0) {
      const batch = queue.splice(0, USERS_BY_ID_PER_REQUEST);
      inFlight += 1;
      const finish = (): void => {
        inFlight -= 1;
        for (const { wave } of batch) if (--wave.left === 0) wave.settle();
        pump();
      };
      read(batch.map((entry) => entry.id)).then(finish, finish);
    }
  };
  return (ids) => {
    let settle = (): void => undefined;
    const wave: Wave = { left: 0, settle: () => settle(), done: new Promise<void>((resolve) => (settle = resolve)) };
    const waits = new Set<Promise<void>>();
    for (const id of ids) {
      const earlier = waveOf.get(id);
      if (earlier) {
        waits.add(earlier.done);
        continue;
      }
      waveOf.set(id, wave);
      queue.push({ id, wave });
      wave.left += 1;
    }
    if (wave.left > 0) {
      waits.add(wave.done);
      // After the current job: the ids asked for in the same turn share batches.
      if (!pumping) {
        pumping = true;
        queueMicrotask(pump);
      }
    }
    return Promise.all(waits).then(() => undefined);
  };
}
