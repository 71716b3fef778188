"use client";

import { useEffect, useId, useRef, useState, type KeyboardEvent } from "react";
import type { ExportContext, ImageScope } from "./actions";
import styles from "./Export.module.css";

type Actions = typeof import("./actions");
/** The export code, loaded the first time a Download menu opens (not in the first load). */
let actions: Promise<Actions> | null = null;
const loadActions = () => (actions ??= import("./actions"));

const ITEMS = [
  {
    label: "PNG image",
    run: (a: Actions, ctx: ExportContext, scope: ImageScope) => a.downloadPng(ctx, scope),
  },
  {
    label: "SVG image",
    run: (a: Actions, ctx: ExportContext, scope: ImageScope) => a.downloadSvg(ctx, scope),
  },
  { label: "CSV (visible records)", run: (a: Actions, ctx: ExportContext) => a.downloadCsv(ctx) },
  { label: "JSON (visible records)", run: (a: Actions, ctx: ExportContext) => a.downloadJson(ctx) },
] as const;

/**
 * The Download menu button (WAI-ARIA menu button): the view as a PNG or SVG image, or its visible records as
 * CSV or JSON. Arrow keys move through the items, Escape closes the menu and focus returns to the button.
 * `getContext` is read when an item is chosen, so the export shows the view as it is then.
 */
export function DownloadMenu({
  scope = "dashboard",
  getContext,
}: {
  /** The whole dashboard, or one view (its images show that view only). */
  scope?: ImageScope;
  getContext(): ExportContext;
}) {
  const [open, setOpen] = useState(false);
  const [status, setStatus] = useState("");
  const id = useId();
  const button = useRef<HTMLButtonElement>(null);
  const items = useRef<(HTMLButtonElement | null)[]>([]);

  useEffect(() => {
    if (!open) return;
    void loadActions();
    items.current[0]?.focus();
    const close = (e: PointerEvent) => {
      if (!(e.target instanceof Node) || !button.current?.parentElement?.contains(e.target)) setOpen(false);
    };
    document.addEventListener("pointerdown", close);
    return () => document.removeEventListener("pointerdown", close);
  }, [open]);

  const closeMenu = () => {
    setOpen(false);
    button.current?.focus();
  };
  const choose = async (i: number) => {
    closeMenu();
    const item = ITEMS[i]!;
    setStatus(`Preparing ${item.label}…`);
    try {
      await item.run(await loadActions(), getContext(), scope);
      setStatus(`${item.label} downloaded`);
    } catch (err) {
      setStatus(`Could not make the ${item.label}: ${err instanceof Error ? err.message : String(err)}`);
    }
  };
  const onMenuKey = (e: KeyboardEvent) => {
    const at = items.current.findIndex((el) => el === document.activeElement);
    const move = (to: number) => {
      e.preventDefault();
      items.current[(to + ITEMS.length) % ITEMS.length]?.focus();
    };
    if (e.key === "ArrowDown") move(at + 1);
    else if (e.key === "ArrowUp") move(at - 1);
    else if (e.key === "Home") move(0);
    else if (e.key === "End") move(ITEMS.length - 1);
    else if (e.key === "Escape" || e.key === "Tab") {
      e.preventDefault();
      closeMenu();
    }
  };

  return (
    <div className={styles.menuButton}>
      <button
        ref={button}
        type="button"
        className="button"
        aria-haspopup="menu"
        aria-expanded={open}
        aria-controls={open ? `${id}-menu` : undefined}
        onClick={() => setOpen((o) => !o)}
        onKeyDown={(e) => {
          if (e.key === "ArrowDown" || e.key === "ArrowUp") {
            e.preventDefault();
            setOpen(true);
          }
        }}
        onPointerEnter={() => void loadActions()}
      >
        Download
      </button>
      {open && (
        <div
          id={`${id}-menu`}
          role="menu"
          aria-label="Download"
          className={styles.menu}
          onKeyDown={onMenuKey}
        >
          {ITEMS.map((item, i) => (
            <button
              key={item.label}
              ref={(el) => {
                items.current[i] = el;
              }}
              type="button"
              role="menuitem"
              tabIndex={-1}
              className={styles.menuItem}
              onClick={() => void choose(i)}
            >
              {item.label}
            </button>
          ))}
        </div>
      )}
      <span role="status" className={styles.status}>
        {status}
      </span>
    </div>
  );
}
