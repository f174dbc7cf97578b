import { useId, useState, type FormEvent } from 'react';
import { Button } from '../../components/ui/button';
import {
  expectedFromCsv,
  expectedFromLines,
  type ExpectedPerson,
} from '../../domain/expected/expected-list';
import { TextArea } from '../../components/ui/field';

export interface ExpectedListEditorProps {
  current: readonly ExpectedPerson[];
  onSave: (people: ExpectedPerson[]) => void;
  onCancel: () => void;
}

/** Names pasted one a line, or a CSV file loaded from disk; either replaces the list. */
export function ExpectedListEditor({ current, onSave, onCancel }: ExpectedListEditorProps) {
  const namesId = useId();
  const fileId = useId();
  const [text, setText] = useState(() => current.map((person) => person.name).join('\n'));
  const [problem, setProblem] = useState<string | null>(null);

  const save = (event: FormEvent) => {
    event.preventDefault();
    const people = expectedFromLines(text);
    if (people.length === 0) {
      setProblem('Add at least one name, one a line, or press Cancel.');
      return;
    }
    // Editing the names in the box keeps the emails a CSV brought for the names left unchanged.
    const emails = new Map(current.map((person) => [person.name, person.email]));
    onSave(people.map((person) => ({ ...person, email: emails.get(person.name) ?? null })));
  };

  const load = async (file: File | undefined) => {
    if (file === undefined) return;
    let text: string;
    try {
      text = await readText(file);
    } catch {
      setProblem(`Could not read ${file.name}.`);
      return;
    }
    const reading = expectedFromCsv(text);
    if (reading.ok) onSave(reading.people);
    else setProblem(`Could not read ${file.name}: ${reading.reason}`);
  };

  return (
    <form onSubmit={save} className="space-y-3 px-4 py-4">
      <div>
        <label htmlFor={namesId} className="block text-sm font-medium">
          Names, one a line
        </label>
        <TextArea
          id={namesId}
          value={text}
          onChange={(event) => setText(event.target.value)}
          rows={6}
          spellCheck={false}
          placeholder={'Ada Okafor\nGarcía, José\nDana Ruiz (she/her)'}
          className="mt-1 block w-full max-w-xl text-sm"
        />
      </div>
      <div>
        <label htmlFor={fileId} className="block text-sm font-medium">
          Or load a CSV file
        </label>
        <p className="text-xs text-slate-600 dark:text-slate-400">
          A column of names (headed “Name”, or “First name” and “Last name”), and an email column if
          you have one.
        </p>
        <input
          id={fileId}
          type="file"
          accept=".csv,text/csv,text/plain"
          onChange={(event) => void load(event.target.files?.[0])}
          className="mt-1 block text-sm file:mr-3 file:rounded-md file:border file:border-slate-300 file:bg-white file:px-3 file:py-1.5 file:text-sm file:font-medium dark:file:border-slate-600 dark:file:bg-slate-800 dark:file:text-slate-100"
        />
      </div>
      {problem !== null && (
        <p role="alert" className="text-sm text-red-700 dark:text-red-300">
          {problem}
        </p>
      )}
      <div className="flex flex-wrap gap-2">
        <Button type="submit" variant="primary">
          Save the list
        </Button>
        <Button onClick={onCancel}>Cancel</Button>
      </div>
    </form>
  );
}

// FileReader rather than Blob.text(): the same in every browser the page supports, and in jsdom.
function readText(file: File): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result));
    reader.onerror = () => reject(reader.error ?? new Error('The file could not be read.'));
    reader.readAsText(file);
  });
}
