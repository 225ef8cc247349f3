/**
 * Switches a test flips to make a stub misbehave the way the real services do, and the log
 * of every request the stubs answered (so a test can assert a call log was written once).
 */
import type { IncomingMessage } from 'node:http';

export type StubCrm = 'salesforce' | 'hubspot' | 'zendesk';

export interface Fault {
  /** Answer this status with the CRM's documented error body instead of the real answer. */
  status?: 401 | 403 | 429 | 500 | 503;
  /** With 429 (and 503): the Retry-After header, seconds. */
  retryAfterSec?: number;
  /** Salesforce's documented form of hitting the API limit: 403 REQUEST_LIMIT_EXCEEDED. */
  limitExceeded?: boolean;
  /** Wait this long before answering (2 s is "slow"). */
  delayMs?: number;
  /** Write the record, then fail the response with 500: the client cannot know it worked.
   * Only writes (not GET) take such a fault. */
  dropAfterWrite?: boolean;
  /** Apply to this many matching requests, then clear; unset: until cleared. */
  times?: number;
  /** Only requests whose path contains this. */
  pathIncludes?: string;
  /** Only requests to exactly this path. */
  path?: string;
}

export interface RecordedRequest {
  crm: StubCrm;
  method: string;
  host: string;
  path: string;
  query: URLSearchParams;
  headers: IncomingMessage['headers'];
  body: unknown;
  status: number;
  /** Epoch ms when the request arrived and when it was answered. */
  at: number;
  answeredAt: number;
}

export class StubControl {
  readonly requests: RecordedRequest[] = [];
  /** Delay every answer by this much (benchmarks: a CRM answering in 100 ms). */
  readonly latencyMs: Record<StubCrm, number> = { salesforce: 0, hubspot: 0, zendesk: 0 };
  private readonly faults: Record<StubCrm, Fault[]> = { salesforce: [], hubspot: [], zendesk: [] };

  fault(crm: StubCrm, fault: Fault): void {
    this.faults[crm].push({ ...fault });
  }

  clearFaults(crm?: StubCrm): void {
    for (const key of crm ? [crm] : (Object.keys(this.faults) as StubCrm[])) {
      this.faults[key] = [];
    }
  }

  /** The fault that applies to this request, counting it down. */
  takeFault(crm: StubCrm, method: string, path: string): Fault | undefined {
    const fault = this.faults[crm].find(
      (f) =>
        (!f.pathIncludes || path.includes(f.pathIncludes)) &&
        (!f.path || path === f.path) &&
        (!f.dropAfterWrite || method !== 'GET'),
    );
    if (!fault) return undefined;
    if (fault.times !== undefined && --fault.times <= 0) {
      this.faults[crm].splice(this.faults[crm].indexOf(fault), 1);
    }
    return fault;
  }

  requestsTo(crm: StubCrm, method?: string, pathIncludes?: string): RecordedRequest[] {
    return this.requests.filter(
      (r) =>
        r.crm === crm &&
        (!method || r.method === method) &&
        (!pathIncludes || r.path.includes(pathIncludes)),
    );
  }

  reset(): void {
    this.requests.length = 0;
    this.clearFaults();
    for (const key of Object.keys(this.latencyMs) as StubCrm[]) this.latencyMs[key] = 0;
  }
}
