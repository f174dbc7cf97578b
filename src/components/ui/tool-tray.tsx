import { useId, useLayoutEffect, useMemo, useRef, useState, type ReactNode } from 'react';

/**
 * A row of tool buttons and, below it, the panel of the one tool open (a disclosure each: a
 * button with `aria-expanded`, a labelled region). The meeting stays the page's first screen; a
 * tool is one click away and shows only while it is used.
 */
export interface ToolTray<Tool extends string> {
  openTool: Tool | null;
  toggle: (tool: Tool) => void;
  /** Closes the open tool and gives the focus back to its button. */
  close: () => void;
  panelId: (tool: Tool) => string;
  registerButton: (tool: Tool) => (element: HTMLButtonElement | null) => void;
}

/** One object per opened tool, so memoised parts that take the tray skip the other renders. */
export function useToolTray<Tool extends string>(): ToolTray<Tool> {
  const [openTool, setOpenTool] = useState<Tool | null>(null);
  const baseId = useId();
  const buttons = useRef(new Map<Tool, HTMLButtonElement>());
  return useMemo(
    () => ({
      openTool,
      toggle: (tool) => setOpenTool((current) => (current === tool ? null : tool)),
      close: () => {
        if (openTool !== null) buttons.current.get(openTool)?.focus();
        setOpenTool(null);
      },
      panelId: (tool) => `${baseId}-${tool}`,
      registerButton: (tool) => (element) => {
        if (element === null) buttons.current.delete(tool);
        else buttons.current.set(tool, element);
      },
    }),
    [openTool, baseId],
  );
}

export interface ToolButtonProps<Tool extends string> {
  tray: ToolTray<Tool>;
  tool: Tool;
  children: ReactNode;
  /** Says that the tool is in use while it is closed ("2 names", "12:04:10"). */
  inUse?: string | null;
  disabled?: boolean;
}

export function ToolButton<Tool extends string>({
  tray,
  tool,
  children,
  inUse = null,
  disabled = false,
}: ToolButtonProps<Tool>) {
  const open = tray.openTool === tool;
  return (
    <button
      type="button"
      ref={tray.registerButton(tool)}
      aria-expanded={open}
      // Only while open: before its first opening the panel is not in the page at all.
      aria-controls={open ? tray.panelId(tool) : undefined}
      disabled={disabled}
      onClick={() => tray.toggle(tool)}
      className={`inline-flex items-center gap-1.5 rounded-md border px-2.5 py-1.5 text-sm font-medium transition-colors focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-teal-600 disabled:cursor-not-allowed disabled:opacity-50 ${
        open
          ? 'border-teal-700 bg-teal-50 text-teal-950 dark:border-teal-400 dark:bg-teal-400/15 dark:text-teal-50'
          : 'border-slate-300 bg-white text-slate-800 hover:bg-slate-100 dark:border-slate-600 dark:bg-slate-800 dark:text-slate-100 dark:hover:bg-slate-700'
      }`}
    >
      {children}
      {inUse !== null && (
        <span className="rounded-full bg-teal-700 px-1.5 text-xs leading-5 text-white tabular-nums dark:bg-teal-400 dark:text-slate-950">
          <span className="sr-only">, in use: </span>
          {inUse}
        </span>
      )}
    </button>
  );
}

export interface ToolPanelProps<Tool extends string> {
  tray: ToolTray<Tool>;
  tool: Tool;
  title: string;
  children: ReactNode;
  /**
   * Mounted from the start rather than on first opening: for a tool whose parts work while it is
   * closed (a notification setting that listens for news).
   */
  mountedClosed?: boolean;
  /**
   * Its content stays on the page while the tool is closed, without the panel's frame: for alerts,
   * whose settings hide with the tool (the content's own business) and whose notices must not.
   */
  contentShownClosed?: boolean;
}

/**
 * The open tool's panel. Once opened it stays mounted, hidden while closed, so what was typed in
 * it and a part loaded for it never flash blank when it opens again. Escape closes it.
 */
export function ToolPanel<Tool extends string>({
  tray,
  tool,
  title,
  children,
  mountedClosed = false,
  contentShownClosed = false,
}: ToolPanelProps<Tool>) {
  const open = tray.openTool === tool;
  const headingId = toolHeadingId(tray, tool);
  const panel = useRef<HTMLElement>(null);
  const [mounted, setMounted] = useState(open || mountedClosed || contentShownClosed);
  const bare = !open && contentShownClosed;
  // Adjusted while rendering (React's pattern for state that follows props): no extra frame.
  if (open && !mounted) setMounted(true);
  // Into the panel, so the next Tab reaches its first field; a screen reader reads its name. In
  // the commit that opens it, not after the paint: a Tab pressed in between reached a field,
  // and the late focus then took it back to the panel.
  useLayoutEffect(() => {
    if (open) panel.current?.focus();
  }, [open]);
  if (!mounted) return null;
  return (
    <section
      id={tray.panelId(tool)}
      ref={panel}
      tabIndex={-1}
      hidden={!open && !bare}
      aria-labelledby={headingId}
      onKeyDown={(event) => {
        if (event.key !== 'Escape') return;
        event.stopPropagation();
        tray.close();
      }}
      className={
        bare
          ? 'contents'
          : 'rounded-xl border border-teal-700/40 bg-white shadow-sm outline-none focus-visible:ring-2 focus-visible:ring-teal-600 dark:border-teal-400/40 dark:bg-slate-900'
      }
    >
      <div
        hidden={bare}
        className="flex items-center justify-between gap-3 border-b border-slate-200 px-4 py-2 dark:border-slate-700"
      >
        <h2 id={headingId} className="font-semibold">
          {title}
        </h2>
        <button
          type="button"
          onClick={tray.close}
          aria-label={`Close ${title}`}
          className="flex size-8 items-center justify-center rounded-md text-lg text-slate-600 hover:bg-slate-100 focus-visible:outline-2 focus-visible:outline-teal-600 dark:text-slate-300 dark:hover:bg-slate-800"
        >
          <span aria-hidden="true">×</span>
        </button>
      </div>
      <div className={bare ? 'contents' : 'px-4 py-3'}>{children}</div>
    </section>
  );
}

/** The id of a tool panel's heading, for what inside it wants to be named by it (a table). */
export function toolHeadingId<Tool extends string>(tray: ToolTray<Tool>, tool: Tool): string {
  return `${tray.panelId(tool)}-title`;
}
