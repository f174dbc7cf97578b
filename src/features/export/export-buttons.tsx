import { Button } from '../../components/ui/button';
import type { ParticipantEvent } from '../../common/participant-event';
import { eventsCsv, eventsJson, participantsCsv } from '../../domain/insights/insights-export';
import type { ParticipantRow } from '../../domain/insights/participant-rows';
import { downloadFile, exportFileName } from '../../lib/download-file';

export interface ExportButtonsProps {
  botId: string;
  /** Read when a button is pressed, not on every render: the events may be 200,000. */
  readRows: () => readonly ParticipantRow[];
  readEvents: () => readonly ParticipantEvent[];
}

/**
 * Downloads of what the page shows. Only the bot ID and the data go into the files: the API key
 * is never passed here, so it cannot end up in one.
 */
export function ExportButtons({ botId, readRows, readEvents }: ExportButtonsProps) {
  const save = (what: string, extension: string, text: string, type: string) =>
    downloadFile(exportFileName(botId, what, extension, Date.now()), text, type);
  return (
    <div role="group" aria-label="Export" className="flex flex-wrap gap-2">
      <Button onClick={() => save('participants', 'csv', participantsCsv(readRows()), CSV_TYPE)}>
        Export CSV
      </Button>
      <Button onClick={() => save('events', 'csv', eventsCsv(readEvents()), CSV_TYPE)}>
        Export events (CSV)
      </Button>
      <Button onClick={() => save('events', 'json', eventsJson(readEvents()), JSON_TYPE)}>
        Export events (JSON)
      </Button>
    </div>
  );
}

const CSV_TYPE = 'text/csv;charset=utf-8';
const JSON_TYPE = 'application/json';
