/**
 * A small virtualised list: only the rows in (and just around) the viewport are in the DOM. Row heights start as an
 * estimate and are replaced by measured ones (ResizeObserver), so cards may wrap to any height. Written here rather
 * than pulling a library: the pane needs a tree role with aria-activedescendant, scroll-into-view of the active row
 * and a stable scroll position across re-validation, ~150 lines in all.
 */
import * as React from "react";

export interface VirtualListProps {
  count: number;
  /** Stable key of row i (measured heights are kept by key, so they survive filtering and re-validation). */
  keyOf(i: number): string;
  estimate(i: number): number;
  render(i: number): React.ReactNode;
  /** Row kept in view (keyboard focus); -1 for none. */
  activeIndex: number;
  /** Max height of the scroll box in CSS (e.g. "70vh"). */
  maxHeight: string;
  className?: string;
  /** Attributes for the scroll box (role, aria-*, tabIndex, onKeyDown …). */
  boxProps?: React.HTMLAttributes<HTMLDivElement> & Record<string, unknown>;
  overscan?: number;
}

export function VirtualList(props: VirtualListProps): React.ReactElement {
  const { count, keyOf, estimate, render, activeIndex, overscan = 6 } = props;
  const box = React.useRef<HTMLDivElement>(null);
  const heights = React.useRef(new Map<string, number>());
  /** The element currently rendered for each key, so it is unobserved when it goes away. */
  const elements = React.useRef(new Map<string, HTMLElement>());
  const [, setVersion] = React.useState(0);
  const [scrollTop, setScrollTop] = React.useState(0);
  const [viewport, setViewport] = React.useState(600);

  // Offsets of every row from the measured/estimated heights (4,000 rows: a plain loop, well under a millisecond).
  const offsets = new Float64Array(count + 1);
  for (let i = 0; i < count; i++) offsets[i + 1] = offsets[i] + (heights.current.get(keyOf(i)) ?? estimate(i));
  const total = offsets[count];

  const firstAt = (y: number) => {
    let lo = 0;
    let hi = count;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (offsets[mid + 1] <= y) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  };
  const start = Math.max(0, firstAt(scrollTop) - overscan);
  const end = Math.min(count, firstAt(scrollTop + viewport) + 1 + overscan);

  const observer = React.useMemo(
    () =>
      typeof ResizeObserver === "undefined"
        ? null
        : new ResizeObserver((entries) => {
            let changed = false;
            for (const e of entries) {
              const el = e.target as HTMLElement;
              const k = el.dataset.vkey;
              if (!k) continue;
              const h = el.offsetHeight;
              if (h > 0 && heights.current.get(k) !== h) {
                heights.current.set(k, h);
                changed = true;
              }
            }
            if (changed) setVersion((v) => v + 1);
          }),
    [],
  );
  React.useEffect(() => () => observer?.disconnect(), [observer]);

  React.useLayoutEffect(() => {
    const el = box.current;
    if (!el) return;
    const update = () => setViewport(el.clientHeight || 600);
    update();
    const ro = typeof ResizeObserver === "undefined" ? null : new ResizeObserver(update);
    ro?.observe(el);
    return () => ro?.disconnect();
  }, []);

  // Keep the active row in view (keyboard navigation, 下一个问题).
  React.useLayoutEffect(() => {
    const el = box.current;
    if (!el || activeIndex < 0 || activeIndex >= count) return;
    const top = offsets[activeIndex];
    const bottom = offsets[activeIndex + 1];
    if (top < el.scrollTop) el.scrollTop = top;
    else if (bottom > el.scrollTop + el.clientHeight) el.scrollTop = Math.max(0, bottom - el.clientHeight);
    setScrollTop(el.scrollTop);
    // Only when the active row changes; offsets are read fresh from this render.
  }, [activeIndex, count]);

  const rows: React.ReactNode[] = [];
  for (let i = start; i < end; i++) {
    const k = keyOf(i);
    rows.push(
      <div
        key={k}
        data-vkey={k}
        data-index={i}
        ref={(el) => {
          if (!observer) return;
          const prev = elements.current.get(k);
          if (prev && prev !== el) observer.unobserve(prev);
          if (el) {
            if (prev !== el) observer.observe(el);
            elements.current.set(k, el);
          } else elements.current.delete(k);
        }}
        style={{ position: "absolute", top: offsets[i], left: 0, right: 0 }}
      >
        {render(i)}
      </div>,
    );
  }

  return (
    <div
      ref={box}
      className={props.className}
      style={{ position: "relative", overflowY: "auto", overflowX: "hidden", maxHeight: props.maxHeight, height: total }}
      onScroll={(e) => setScrollTop((e.target as HTMLDivElement).scrollTop)}
      {...props.boxProps}
    >
      <div style={{ position: "relative", height: total, width: "100%" }}>{rows}</div>
    </div>
  );
}
