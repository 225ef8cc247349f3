/**
 * The HubSpot facts a lookup needs besides the search itself, fetched once per adapter and
 * kept while the service worker lives: the account (portal id and UI domain for record
 * links), owners (names), deal pipeline stages (labels, open or closed), and associated
 * records through v4 batch associations plus v3 batch read.
 */
import type { HubspotCall } from './api.ts';
import type { HsObject, HsOwner, HsStage } from './records.ts';

export interface HubspotAccount {
  portalId: number;
  /** `https://app-eu1.hubspot.com`: where this account's records open. */
  uiOrigin: string;
}

export interface HubspotCatalog {
  account(): Promise<HubspotAccount>;
  owners(): Promise<HsOwner[]>;
  stages(): Promise<HsStage[]>;
  /** Associated records per from-id, with the asked properties. */
  associated(
    from: string,
    to: string,
    ids: string[],
    properties: string[],
    signal?: AbortSignal,
  ): Promise<Map<string, HsObject[]>>;
}

interface AssociationResults {
  results: { from: { id: string }; to: { toObjectId: number | string }[] }[];
}

export function hubspotCatalog(call: HubspotCall, fallbackOrigin: string): HubspotCatalog {
  const once = <T>(load: () => Promise<T>): (() => Promise<T>) => {
    let pending: Promise<T> | undefined;
    return () => {
      pending ??= load().catch((error: unknown) => {
        pending = undefined;
        throw error;
      });
      return pending;
    };
  };

  return {
    account: once(async () => {
      const details = await call<{ portalId: number; uiDomain?: string }>(
        '/account-info/v3/details',
      );
      const uiOrigin = details.uiDomain ? `https://${details.uiDomain}` : fallbackOrigin;
      return { portalId: details.portalId, uiOrigin };
    }),
    owners: once(
      async () => (await call<{ results: HsOwner[] }>('/crm/v3/owners/?limit=500')).results,
    ),
    stages: once(async () => {
      const pipelines = await call<{ results: { stages: HsStage[] }[] }>('/crm/v3/pipelines/deals');
      return pipelines.results.flatMap((p) => p.stages);
    }),

    async associated(from, to, ids, properties, signal) {
      const links = await call<AssociationResults>(
        `/crm/v4/associations/${from}/${to}/batch/read`,
        { method: 'POST', body: { inputs: ids.map((id) => ({ id })) } },
        signal,
      );
      const byFrom = new Map(
        links.results.map((r) => [r.from.id, r.to.map((t) => String(t.toObjectId))]),
      );
      const targets = [...new Set([...byFrom.values()].flat())];
      if (targets.length === 0) return new Map();

      const read = await call<{ results: HsObject[] }>(
        `/crm/v3/objects/${to}/batch/read`,
        { method: 'POST', body: { properties, inputs: targets.map((id) => ({ id })) } },
        signal,
      );
      const objects = new Map(read.results.map((o) => [o.id, o]));
      return new Map(
        [...byFrom].map(([id, toIds]) => [
          id,
          toIds.map((t) => objects.get(t)).filter((o): o is HsObject => o !== undefined),
        ]),
      );
    },
  };
}
