import type { Track } from '#contract/organisations';
import type { RequestTab } from '#contract/requests';
import { TRACK_LABELS } from '../../labels';

/** The tracks a service places students of: two with the accept workflow, dual with the invite workflow. */
export const SERVICE_TRACKS = ['secondary', 'adult', 'dual'] as const satisfies readonly Track[];

const LIST_TABS: Record<RequestTab, string> = { open: 'Zonder stageplaats', accepted: 'Aanvaard door ons' };
const DUAL_TABS: Record<RequestTab, string> = { open: 'Zonder werkplek', accepted: 'Aanvaard door ons' };

function Tabs<V extends string>({
  label,
  labels,
  current,
  onChoose,
}: {
  label: string;
  labels: Record<V, string>;
  current: V;
  onChoose: (value: V) => void;
}) {
  return (
    <div className="tabs" role="tablist" aria-label={label}>
      {(Object.keys(labels) as V[]).map((value) => (
        <button
          key={value}
          type="button"
          role="tab"
          aria-selected={current === value}
          className={current === value ? '' : 'secondary'}
          onClick={() => onChoose(value)}
        >
          {labels[value]}
        </button>
      ))}
    </div>
  );
}

export function RequestTabs({
  track,
  tab,
  onTrack,
  onTab,
}: {
  track: Track;
  tab: RequestTab;
  onTrack: (track: Track) => void;
  onTab: (tab: RequestTab) => void;
}) {
  const trackLabels = Object.fromEntries(SERVICE_TRACKS.map((t) => [t, TRACK_LABELS[t]])) as Record<
    (typeof SERVICE_TRACKS)[number],
    string
  >;
  return (
    <>
      <Tabs
        label="Opleidingsvorm"
        labels={trackLabels}
        current={track as (typeof SERVICE_TRACKS)[number]}
        onChoose={onTrack}
      />
      <Tabs label="Lijst" labels={track === 'dual' ? DUAL_TABS : LIST_TABS} current={tab} onChoose={onTab} />
    </>
  );
}
