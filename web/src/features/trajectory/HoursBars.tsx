import type { HourContext, HoursSummary } from '#contract/trajectory';
import { HOUR_CONTEXT_LABELS } from '../../labels';

const CARE_ASSISTANT_HOURS = 300;

/** The hours against the student's planned total, and per context against the rule's 300. */
export function HoursBars({ hours }: { hours: HoursSummary }) {
  const target = Math.max(hours.planned, 1);
  return (
    <div className="hours">
      <div className="hours-bar">
        <label>
          Totaal: <strong>{format(hours.total)}</strong> van {format(hours.planned)} uur
          <progress max={target} value={Math.min(hours.total, target)} />
        </label>
      </div>
      <ul className="hours-contexts">
        {(Object.keys(hours.byContext) as HourContext[]).map((c) => (
          <li key={c}>
            <label>
              {HOUR_CONTEXT_LABELS[c]}: {format(hours.byContext[c])} uur
              <progress
                max={CARE_ASSISTANT_HOURS}
                value={Math.min(hours.byContext[c], CARE_ASSISTANT_HOURS)}
              />
            </label>
          </li>
        ))}
      </ul>
      <RuleBadge rule={hours.rule} />
    </div>
  );
}

export function RuleBadge({ rule }: { rule: HoursSummary['rule'] }) {
  return (
    <span
      className={`badge badge-long ${rule.met ? 'status-accepted' : 'badge-off'}`}
      title="Regel zorgkundige: 300 uur"
    >
      Zorgkundige: {rule.reason}
    </span>
  );
}

const format = (n: number) => n.toLocaleString('nl-BE', { maximumFractionDigits: 2 });
