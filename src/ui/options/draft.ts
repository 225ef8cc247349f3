/**
 * The options form's working copy of the settings: text where the agent types, converted back
 * to a patch of `Settings` on save. Secrets start empty; a secret left empty keeps the stored
 * value, because the view never receives it.
 */
import type { CrmName } from '../../protocol/phone-state.ts';
import type { IceServer, SettingKey, Settings } from '../../settings/settings.ts';
import type { SettingsPatch, SettingsView } from '../../protocol/messages.ts';
import type { IceServerView, SecretKey } from '../../settings/store.ts';
import { checkOwnNumber } from '../../settings/checks/dialling-checks.ts';

export const CRMS: CrmName[] = ['salesforce', 'hubspot', 'zendesk'];

/** Product names, the same in every language. */
export const CRM_LABELS: Record<CrmName, string> = {
  salesforce: 'Salesforce',
  hubspot: 'HubSpot',
  zendesk: 'Zendesk',
};

export interface IceRow {
  urls: string;
  username: string;
  /** Typed by the agent; a stored credential never reaches the page. */
  credential: string;
  /** The row's server as stored (`serverOf`), when a credential is stored for it. */
  stored?: string;
}

type HostKeys = 'extraHosts' | 'orgHosts';
type TextKeys = 'iceServers' | 'registerExpires' | HostKeys | 'numberIgnoreLabels' | 'ownNumbers';

export interface Draft extends Omit<Settings, TextKeys> {
  iceServers: IceRow[];
  registerExpires: string;
  /** One host per line. */
  extraHosts: Record<CrmName, string>;
  orgHosts: Record<CrmName, string>;
  /** One label per line. */
  numberIgnoreLabels: string;
  /** One number per line, as typed (`+49 30 9876543`). */
  ownNumbers: string;
  /** Stored secrets the agent asked to remove (the field itself left empty). */
  forget: Record<SecretKey, boolean>;
}

export type SetDraft = (patch: Partial<Draft>) => void;

/** What every options section receives. */
export interface SectionProps {
  draft: Draft;
  set: SetDraft;
  /** Messages by field id (see `fieldId`). */
  errors: Map<string, string>;
  locked: (key: SettingKey) => boolean;
}

export function toDraft({ values }: SettingsView): Draft {
  return {
    ...values,
    password: '',
    hubspotToken: '',
    iceServers: values.iceServers.map(toRow),
    registerExpires: String(values.registerExpires),
    numberIgnoreLabels: values.numberIgnoreLabels.join('\n'),
    ownNumbers: values.ownNumbers.join('\n'),
    extraHosts: hostLines(values.extraHosts),
    orgHosts: hostLines(values.orgHosts),
    forget: { password: false, hubspotToken: false },
  };
}

function toRow({ credentialStored, ...server }: IceServerView): IceRow {
  const row = { urls: [server.urls].flat().join(' '), username: server.username ?? '' };
  return { ...row, credential: '', ...(credentialStored ? { stored: serverOf(row) } : {}) };
}

function hostLines(hosts: Record<CrmName, string[]>): Record<CrmName, string> {
  return {
    salesforce: hosts.salesforce.join('\n'),
    hubspot: hosts.hubspot.join('\n'),
    zendesk: hosts.zendesk.join('\n'),
  };
}

function hostLists(text: Record<CrmName, string>): Record<CrmName, string[]> {
  return {
    salesforce: lines(text.salesforce),
    hubspot: lines(text.hubspot),
    zendesk: lines(text.zendesk),
  };
}

export const lines = (text: string): string[] =>
  text
    .split(/[\n,]/)
    .map((line) => line.trim())
    .filter(Boolean);

export function isBlankRow(row: IceRow): boolean {
  return !row.urls.trim() && !row.username.trim() && !row.credential;
}

/** One or more URLs, separated by spaces or commas as in every other list field. */
export const urlList = (text: string): string[] => text.split(/[\s,]+/).filter(Boolean);

/** A server's URLs and user name, as the hub matches a stored credential to it. */
const serverOf = (row: Pick<IceRow, 'urls' | 'username'>): string =>
  JSON.stringify([urlList(row.urls), row.username.trim()]);

/**
 * Whether the row keeps its stored credential on save: none was typed, and URLs and user name
 * are still those it was stored with.
 */
export const keepsCredential = (row: IceRow): boolean =>
  row.credential === '' && row.stored !== undefined && row.stored === serverOf(row);

function iceServers(rows: IceRow[]): IceServer[] {
  return rows
    .filter((row) => !isBlankRow(row))
    .map((row) => {
      const urls = urlList(row.urls);
      const server: IceServer = { urls: urls.length === 1 ? (urls[0] ?? '') : urls };
      if (row.username.trim()) server.username = row.username.trim();
      if (row.credential) server.credential = row.credential;
      return server;
    });
}

/** An own number as the store keeps it (E.164), so an unchanged list compares equal. */
function storedNumber(typed: string): string {
  const checked = checkOwnNumber(typed);
  return checked.ok ? checked.value : typed;
}

/** The settings as the form would store them, before comparing with what is stored. */
function fromDraft({ forget: _, ...draft }: Draft): Settings {
  return {
    ...draft,
    sipServer: draft.sipServer.trim(),
    sipUri: draft.sipUri.trim(),
    authorizationUser: draft.authorizationUser.trim(),
    displayName: draft.displayName.trim(),
    outsideLinePrefix: draft.outsideLinePrefix.trim(),
    internationalPrefix: draft.internationalPrefix.trim(),
    numberIgnoreLabels: lines(draft.numberIgnoreLabels),
    ownNumbers: lines(draft.ownNumbers).map(storedNumber),
    hubspotToken: draft.hubspotToken.trim(),
    iceServers: iceServers(draft.iceServers),
    registerExpires: Number(draft.registerExpires),
    extraHosts: hostLists(draft.extraHosts),
    orgHosts: hostLists(draft.orgHosts),
  };
}

/**
 * Only what changed and is not locked; a secret only when a new one was typed, or as empty
 * when the agent asked to remove the stored one.
 */
export function toPatch(draft: Draft, view: SettingsView): SettingsPatch {
  const next = fromDraft(draft);
  const patch: Record<string, unknown> = {};
  for (const key of Object.keys(next) as SettingKey[]) {
    if (view.locked.includes(key)) continue;
    if (key === 'password' || key === 'hubspotToken') {
      if (next[key] !== '') patch[key] = next[key];
      else if (draft.forget[key]) patch[key] = '';
      continue;
    }
    // Stored ICE servers as the form would send them back unchanged, kept credentials left out.
    const stored =
      key === 'iceServers' ? iceServers(view.values.iceServers.map(toRow)) : view.values[key];
    if (JSON.stringify(next[key]) !== JSON.stringify(stored)) patch[key] = next[key];
  }
  return patch;
}

/** DOM id of a field, from its path such as `iceServers.0.urls`. */
export const fieldId = (path: string): string => `opt-${path.replace(/\./g, '-')}`;
