/**
 * The member usage view, loaded with the first <tectra-member-usage> on the page: one meter
 * at a time, who used how much of it this period and their share of the pool, sortable by
 * member or use, and each member's own limit, set by whoever may set spend caps.
 */
import { msg, str } from '@lit/localize';
import { html, nothing, type TemplateResult } from 'lit';
import { atOwnLimit, shareOfPool, sortMembers, type MemberSort } from '../../core/members.js';
import { formatNumber } from '../../core/money.js';
import { parseDecimalInput } from '../../core/number-input.js';
import type { BillingError } from '../../core/errors.js';
import type { MemberUsage, Meter, MembersUsage } from '../../core/types.js';
import { meterLabel } from '../../format/labels.js';
import { formatPercent, formatUsageAmount } from '../../format/usage.js';
import { mayDo, notAllowedNote } from '../base/role-gate.js';
import { membersOf, type MembersState } from '../../state/members.js';
import { errorMessage, reportFailure } from '../base/error-message.js';
import { focusFirst } from '../base/focus.js';
import type { ViewElement, ViewHost } from '../base/view-element.js';

export interface MemberUsageHost extends ViewHost<ViewElement & { readonly meter: string | undefined }> {
  /** A member's limit was saved: the element tells the page. */
  limitChanged(memberId: string, meter: string, limit: number | null): void;
}

type Message = { tone: 'success' | 'danger'; text: string };

/** The limit form: the member, what is typed (kept when saving fails), and why it was refused. */
interface Draft {
  memberId: string;
  meter: string;
  text: string;
  error?: string;
}

export class MemberUsageView {
  readonly #state: MembersState;
  #stops: Array<() => void> = [];
  /** The meter shown, once the customer has chosen one (else the attribute's, else the first pooled one). */
  #chosen: string | undefined;
  #sort: MemberSort = { by: 'used', descending: true };
  #sortNote = '';
  #draft: Draft | undefined;
  #saving = false;
  #message: Message | undefined;
  #usageSeen = '';

  constructor(private readonly host: MemberUsageHost) {
    this.#state = membersOf(host.client);
  }

  connect(): void {
    if (this.#stops.length) return;
    const update = () => this.host.element.requestUpdate();
    this.#stops = [
      this.#state.$members.subscribe((resource) => {
        reportFailure(this.host.element, resource.error?.code === 'not_found' ? undefined : resource.error, 'load-member-usage');
        update();
      }),
      // Usage read again (live, or after a change) is read again by member too.
      this.host.client.$usage.subscribe((resource) => {
        const at = resource.data?.updatedAt ?? '';
        if (this.#usageSeen && at && at !== this.#usageSeen) void this.#state.refresh().catch(() => undefined);
        if (at) this.#usageSeen = at;
        update();
      }),
    ];
  }

  disconnect(): void {
    for (const stop of this.#stops) stop();
    this.#stops = [];
  }

  #meterOf(meters: Meter[]): Meter | undefined {
    const wanted = this.#chosen ?? this.host.element.meter;
    return meters.find((m) => m.key === wanted) ?? meters.find((m) => m.pooled && m.limit !== null) ?? meters[0];
  }

  #sortBy(by: MemberSort['by'], meterName: string): void {
    const descending = this.#sort.by === by ? !this.#sort.descending : by === 'used';
    this.#sort = { by, descending };
    this.#sortNote =
      by === 'name'
        ? descending
          ? msg('Sorted by member, Z to A.', { id: 'members.sorted_name_desc' })
          : msg('Sorted by member, A to Z.', { id: 'members.sorted_name_asc' })
        : descending
          ? msg(str`Sorted by use of ${meterName}, highest first.`, { id: 'members.sorted_used_desc' })
          : msg(str`Sorted by use of ${meterName}, lowest first.`, { id: 'members.sorted_used_asc' });
    this.#message = undefined;
    this.host.element.requestUpdate();
  }

  /** The form as it stands: for another meter the same member, with their limit on it. */
  #draftFor(meter: Meter, members: MemberUsage[]): Draft | undefined {
    const known = members.find((m) => m.id === this.#draft?.memberId);
    if (this.#draft?.meter === meter.key && known) return this.#draft;
    const member = known ?? members[0];
    if (!member) return undefined;
    this.#draft = { memberId: member.id, meter: meter.key, text: this.#limitText(member, meter.key) };
    return this.#draft;
  }

  #limitText(member: MemberUsage | undefined, meter: string): string {
    const limit = member?.limits?.[meter];
    return limit === undefined ? '' : formatNumber(limit, this.host.locale(), { maximumFractionDigits: 2 });
  }

  #setDraft(change: Partial<Draft>): void {
    if (!this.#draft) return;
    this.#draft = { ...this.#draft, error: undefined, ...change };
    this.#message = undefined;
    this.host.element.requestUpdate();
  }

  async #save(meter: Meter, members: MemberUsage[]): Promise<void> {
    const draft = this.#draft;
    if (!draft || this.#saving) return;
    const member = members.find((m) => m.id === draft.memberId);
    if (!member) return;
    const typed = draft.text.trim();
    const parsed = typed ? parseDecimalInput(typed, this.host.locale()) : null;
    if (typed && parsed === null) {
      const example = formatNumber(2_000_000, this.host.locale());
      this.#setDraft({ error: msg(str`Enter a number, like ${example}, or leave it empty for no limit.`, { id: 'members.limit_invalid' }) });
      focusFirst(this.host.element, '#member-limit');
      return;
    }
    const limit = parsed === null ? null : Number(parsed);
    const name = member.name;
    const meterName = meterLabel(meter.key, meter.label);
    this.#saving = true;
    this.#message = undefined;
    this.host.element.requestUpdate();
    try {
      await this.#state.setLimit(member.id, meter.key, limit);
      const amount = limit === null ? '' : formatUsageAmount(limit, meter, this.host.locale());
      this.#message = {
        tone: 'success',
        text:
          limit === null
            ? msg(str`${name} no longer has a limit of their own on ${meterName}.`, { id: 'members.limit_removed' })
            : msg(str`${name}'s limit on ${meterName} is now ${amount}.`, { id: 'members.limit_saved' }),
      };
      this.host.limitChanged(member.id, meter.key, limit);
    } catch (error) {
      this.host.reportError(error as BillingError, 'set-member-limit');
      // A refusal is about the number, not the connection: trying again will not help.
      const why = (error as BillingError).code === 'invalid_request' ? msg('Check the number: the billing service refused it.', { id: 'members.refused' }) : errorMessage(error as BillingError);
      this.#message = { tone: 'danger', text: msg(str`The limit was not saved. ${why}`, { id: 'members.limit_failed' }) };
    } finally {
      this.#saving = false;
      this.host.element.requestUpdate();
    }
  }

  #renderTable(meter: Meter, members: MemberUsage[]): TemplateResult {
    const locale = this.host.locale();
    const meterName = meterLabel(meter.key, meter.label);
    const sorted = sortMembers(members, meter.key, this.#sort, locale);
    const ariaSort = (by: MemberSort['by']) => (this.#sort.by === by ? (this.#sort.descending ? 'descending' : 'ascending') : 'none');
    return html`<table part="table">
      <caption class="visually-hidden">${msg(str`Use of ${meterName} by member, this period`, { id: 'members.caption' })}</caption>
      <thead>
        <tr>
          <th scope="col" aria-sort=${ariaSort('name')}>
            <button type="button" class="sort" data-sort="name" @click=${() => this.#sortBy('name', meterName)}>${msg('Member', { id: 'members.member' })}</button>
          </th>
          <th scope="col" class="num" aria-sort=${ariaSort('used')}>
            <button type="button" class="sort" data-sort="used" @click=${() => this.#sortBy('used', meterName)}>${msg('Used', { id: 'members.used' })}</button>
          </th>
          <th scope="col" class="num share">${msg('Share of the team', { id: 'members.share' })}</th>
          <th scope="col" class="num">${msg('Own limit', { id: 'members.own_limit' })}</th>
        </tr>
      </thead>
      <tbody>
        ${sorted.map((m) => {
          const limit = m.limits?.[meter.key];
          const share = formatPercent(shareOfPool(m, meter.key, members), locale);
          return html`<tr part="member" data-member=${m.id}>
            <th scope="row"><span class="name">${m.name}</span>${m.email ? html`<span class="email muted">${m.email}</span>` : nothing}</th>
            <td class="num"><span class="amount">${formatUsageAmount(m.used[meter.key] ?? 0, meter, locale)}</span><span class="share-inline muted">${share}</span></td>
            <td class="num share">${share}</td>
            <td class="num">
              ${limit === undefined ? html`<span class="muted">${msg('None', { id: 'members.no_limit' })}</span>` : formatUsageAmount(limit, meter, locale)}
              ${atOwnLimit(m, meter.key) ? html`<span part="badge" class="badge" data-tone="warning">${msg('At their limit', { id: 'members.at_limit' })}</span>` : nothing}
            </td>
          </tr>`;
        })}
      </tbody>
    </table>`;
  }

  #renderForm(meter: Meter, members: MemberUsage[]): TemplateResult | typeof nothing {
    const draft = this.#draftFor(meter, members);
    if (!draft) return nothing;
    const meterName = meterLabel(meter.key, meter.label);
    const byName = sortMembers(members, meter.key, { by: 'name', descending: false }, this.host.locale());
    const message = this.#message;
    return html`<form part="limit-form" class="limit-form" novalidate aria-busy=${this.#saving ? 'true' : 'false'}
        @submit=${(e: Event) => (e.preventDefault(), void this.#save(meter, members))}>
      <h3>${msg("A member's own limit", { id: 'members.limit_title' })}</h3>
      <div class="fields">
        <div class="field">
          <label for="member-choice">${msg('Member', { id: 'members.member' })}</label>
          <select id="member-choice" @change=${(e: Event) => {
            const id = (e.target as HTMLSelectElement).value;
            this.#setDraft({ memberId: id, text: this.#limitText(members.find((m) => m.id === id), meter.key) });
          }}>
            ${byName.map((m) => html`<option value=${m.id} ?selected=${m.id === draft.memberId}>${m.name}</option>`)}
          </select>
        </div>
        <div class="field">
          <label for="member-limit">${msg(str`Limit on ${meterName}`, { id: 'members.limit_label' })}</label>
          <input id="member-limit" inputmode="decimal" autocomplete="off" .value=${draft.text} aria-invalid=${draft.error ? 'true' : 'false'}
            aria-describedby="member-limit-error member-limit-hint" @input=${(e: Event) => this.#setDraft({ text: (e.target as HTMLInputElement).value })} />
          <p class="hint muted" id="member-limit-hint">${msg("Leave it empty for no limit of their own: the team's applies.", { id: 'members.limit_hint' })}</p>
          <p class="field-error" id="member-limit-error">${draft.error ?? ''}</p>
        </div>
      </div>
      <div class="actions">
        <button type="submit" id="member-limit-save" class="primary" aria-disabled=${this.#saving ? 'true' : 'false'}>${msg('Save limit', { id: 'members.limit_save' })}</button>
      </div>
      <p part="status" class=${message?.tone === 'success' ? 'done' : 'visually-hidden'} role="status">${message?.tone === 'success' ? message.text : ''}</p>
      <p part="error" class=${message?.tone === 'danger' ? 'banner' : 'visually-hidden'} data-tone="danger" role="alert">${message?.tone === 'danger' ? message.text : ''}</p>
    </form>`;
  }

  render(): TemplateResult {
    if (!this.#state.supported) {
      return html`<p class="muted">${msg('This billing service does not report usage by member.', { id: 'members.unsupported' })}</p>`;
    }
    const resource = this.#state.$members.get();
    const usage = this.host.client.$usage.get();
    const failed = (resource.status === 'error' && !resource.data) || (usage.status === 'error' && !usage.data);
    if (failed) {
      const retry = () => void Promise.all([this.#state.refresh(), this.host.client.refresh('usage')]).catch(() => undefined);
      return html`<div class="banner" data-tone="danger" role="alert">
        <p>${msg('We could not load usage by member.', { id: 'members.error' })} ${errorMessage(resource.error ?? usage.error)}</p>
        <button type="button" @click=${retry}>${msg('Retry', { id: 'common.retry' })}</button>
      </div>`;
    }
    const data: MembersUsage | undefined = resource.data;
    const meters = usage.data?.meters ?? [];
    if (!data || !usage.data) {
      return html`<div class="skeleton skeleton-members" role="status"><span class="visually-hidden">${msg('Loading usage by member…', { id: 'members.loading' })}</span></div>`;
    }
    const meter = this.#meterOf(meters);
    const may = mayDo(this.host.element, this.host.client, 'set_spend_caps');
    return html`${meters.length > 1 && !this.host.element.meter
        ? html`<div class="field meter-choice">
            <label for="member-meter">${msg('Meter', { id: 'members.meter' })}</label>
            <select id="member-meter" @change=${(e: Event) => ((this.#chosen = (e.target as HTMLSelectElement).value), (this.#sortNote = ''), this.host.element.requestUpdate())}>
              ${meters.map((m) => html`<option value=${m.key} ?selected=${m.key === meter?.key}>${meterLabel(m.key, m.label)}</option>`)}
            </select>
          </div>`
        : nothing}
      <p class="visually-hidden" id="members-order" role="status">${this.#sortNote}</p>
      ${!meter || !data.members.length
        ? html`<p class="muted">${msg('No usage by member yet this period.', { id: 'members.empty' })}</p>`
        : html`${this.#renderTable(meter, data.members)}
            ${may ? this.#renderForm(meter, data.members) : notAllowedNote('set_spend_caps')}`}`;
  }
}
