import { Badge } from '../../components/ui/badge';
import { Button } from '../../components/ui/button';
import { displayName } from '../../domain/describe-event';
import { statusWords, type ExpectedLine } from '../../domain/expected/expected-attendance';
import type { ParticipantRow } from '../../domain/insights/participant-rows';
import { clockTime } from '../../lib/clock-time';
import { formatDuration } from '../../lib/format-duration';
import { SelectField } from '../../components/ui/field';

export interface ExpectedStatusTableProps {
  lines: readonly ExpectedLine[];
  /** People who attended and are on no line: who an unmatched line can be matched to by hand. */
  unlisted: readonly ParticipantRow[];
  labelledBy: string;
  onMatch: (line: ExpectedLine, personKey: string) => void;
  onUnmatch: (line: ExpectedLine) => void;
}

// On a phone the table scrolls sideways: the expected name stays in view so each row says whose.
const STICKY_NAME = 'sticky left-0 bg-inherit';
const CELL = 'px-3 py-2 align-top';

/** The list in its own order, each line with whom it matched and where they are. */
export function ExpectedStatusTable({
  lines,
  unlisted,
  labelledBy,
  onMatch,
  onUnmatch,
}: ExpectedStatusTableProps) {
  return (
    <div
      // Focusable, so a long list can be scrolled with the keyboard.
      role="region"
      aria-label="Expected attendees list (scrolls)"
      tabIndex={0}
      className="max-h-[20rem] overflow-auto focus-visible:outline-2 focus-visible:-outline-offset-2 focus-visible:outline-teal-600"
    >
      <table aria-labelledby={labelledBy} className="w-full border-collapse text-sm">
        <thead className="sticky top-0 z-10 bg-slate-100 dark:bg-slate-800">
          <tr className="bg-slate-100 text-left dark:bg-slate-800">
            <th scope="col" className={`${CELL} font-semibold ${STICKY_NAME}`}>
              Expected
            </th>
            <th scope="col" className={`${CELL} font-semibold`}>
              Status
            </th>
            <th scope="col" className={`${CELL} font-semibold`}>
              Matched participant
            </th>
            <th scope="col" className={`${CELL} font-semibold whitespace-nowrap`}>
              First joined
            </th>
            <th scope="col" className={`${CELL} font-semibold whitespace-nowrap`}>
              Last left
            </th>
            <th scope="col" className={`${CELL} text-right font-semibold whitespace-nowrap`}>
              Time present
            </th>
          </tr>
        </thead>
        <tbody>
          {lines.map((line) => (
            <tr
              key={line.line}
              className="border-b border-slate-100 bg-white dark:border-slate-800 dark:bg-slate-900"
            >
              <th scope="row" className={`${CELL} text-left font-medium ${STICKY_NAME}`} dir="auto">
                {line.expected.name}
              </th>
              <td className={CELL}>
                <StatusBadges line={line} />
              </td>
              <td className={CELL}>
                <MatchCell
                  line={line}
                  unlisted={unlisted}
                  onMatch={onMatch}
                  onUnmatch={onUnmatch}
                />
              </td>
              <td className={`${CELL} tabular-nums`}>
                {line.match === null ? '–' : clockTime(line.match.firstJoinMs)}
              </td>
              <td className={`${CELL} tabular-nums`}>
                {line.match?.lastLeaveMs == null ? '–' : clockTime(line.match.lastLeaveMs)}
              </td>
              <td className={`${CELL} text-right whitespace-nowrap tabular-nums`}>
                {line.match === null ? '–' : formatDuration(line.match.timePresentMs)}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function MatchCell({
  line,
  unlisted,
  onMatch,
  onUnmatch,
}: Omit<ExpectedStatusTableProps, 'lines' | 'labelledBy'> & { line: ExpectedLine }) {
  if (line.match !== null) {
    return (
      <span className="flex flex-wrap items-center gap-x-2">
        <span dir="auto">{displayName(line.match.name)}</span>
        {line.matchedByHand && (
          <>
            <span className="text-xs text-slate-600 dark:text-slate-400">matched by hand</span>
            <Button
              variant="quiet"
              className="px-1 py-0.5"
              aria-label={`Undo the match of ${line.expected.name}`}
              onClick={() => onUnmatch(line)}
            >
              Undo
            </Button>
          </>
        )}
      </span>
    );
  }
  if (unlisted.length === 0) return <span className="text-slate-600 dark:text-slate-400">–</span>;
  return (
    <SelectField
      compact
      aria-label={`Match ${line.expected.name} by hand`}
      value=""
      onChange={(event) => onMatch(line, event.target.value)}
      className="max-w-[14rem] text-sm"
    >
      <option value="">Match by hand…</option>
      {unlisted.map((person) => (
        <option key={person.key} value={person.key}>
          {displayName(person.name)}
          {person.present ? '' : ` (left ${clockTime(person.lastLeaveMs ?? person.firstJoinMs)})`}
        </option>
      ))}
    </SelectField>
  );
}

function StatusBadges({ line }: { line: ExpectedLine }) {
  const [main, ...details] = statusWords(line);
  return (
    <span className="flex flex-wrap gap-1">
      <Badge tone={line.present ? 'live' : 'danger'}>{main}</Badge>
      {details.map((detail) => (
        <Badge
          key={detail}
          tone={detail === 'late' || detail === 'left early' ? 'warning' : 'neutral'}
        >
          {detail}
        </Badge>
      ))}
    </span>
  );
}
