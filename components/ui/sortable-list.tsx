"use client";
// A vertical list reordered by dragging a handle (pointer or keyboard: focus the
// handle, Space/Enter to lift, arrows to move, Space/Enter to drop, Escape to
// cancel) or with explicit move up / move down buttons. Every move is announced
// in words the caller translates. The list is controlled: `onReorder` receives the
// new order and the caller passes it back as `items`.
import {
  DndContext,
  KeyboardSensor,
  PointerSensor,
  closestCenter,
  useSensor,
  useSensors,
  type Announcements,
  type DragEndEvent,
  type DraggableAttributes,
  type Modifier,
  type UniqueIdentifier,
} from "@dnd-kit/core";
import { SortableContext, sortableKeyboardCoordinates, useSortable, verticalListSortingStrategy } from "@dnd-kit/sortable";
import { CSS } from "@dnd-kit/utilities";
import { useId, useLayoutEffect, useMemo, useRef, useState, type ComponentProps, type DOMAttributes, type ReactNode } from "react";
import { cn, focusRing } from "./cn";

/** A copy of `items` with the element at `from` moved to `to` (clamped); out-of-range `from` changes nothing. */
export function moveItem<T>(items: readonly T[], from: number, to: number): T[] {
  const out = items.slice();
  if (!Number.isInteger(from) || from < 0 || from >= out.length) return out;
  const target = Math.min(Math.max(Math.trunc(to), 0), out.length - 1);
  if (target === from) return out;
  const [moved] = out.splice(from, 1);
  out.splice(target, 0, moved as T);
  return out;
}

/** Words spoken to screen reader users; positions are 1-based. */
export type SortableListAnnouncements = {
  /** Read when a drag handle gets focus. */
  instructions: string;
  /** What the handle is, instead of "sortable" (aria-roledescription). */
  roleDescription?: string;
  pickedUp: (label: string, position: number, count: number) => string;
  movedTo: (label: string, position: number, count: number) => string;
  dropped: (label: string, position: number, count: number) => string;
  cancelled: (label: string, position: number, count: number) => string;
};

export const defaultSortableAnnouncements: SortableListAnnouncements = {
  instructions:
    "To reorder, press Space or Enter to pick up the item, use the up and down arrow keys to move it, press Space or Enter again to drop it, or Escape to cancel.",
  pickedUp: (label, position, count) => `Picked up ${label}, position ${position} of ${count}.`,
  movedTo: (label, position, count) => `${label} moved to position ${position} of ${count}.`,
  dropped: (label, position, count) => `${label} dropped at position ${position} of ${count}.`,
  cancelled: (label, position, count) => `Reordering cancelled; ${label} stays at position ${position} of ${count}.`,
};

/** Spread onto the element that drags the item (a button; see DragHandle). */
export type SortableHandleProps = DraggableAttributes &
  // the activators of the two sensors used here (PointerSensor, KeyboardSensor)
  Pick<DOMAttributes<HTMLElement>, "onPointerDown" | "onKeyDown"> & {
    ref: (element: HTMLElement | null) => void;
    "data-testid": "drag-handle";
  };

/** Buttons-based reordering for the item being rendered. */
export type SortableItemControls = {
  index: number;
  count: number;
  isDragging: boolean;
  canMoveUp: boolean;
  canMoveDown: boolean;
  moveUp: () => void;
  moveDown: () => void;
};

export type SortableListProps<T extends { id: string }> = {
  items: readonly T[];
  renderItem: (item: T, handleProps: SortableHandleProps, controls: SortableItemControls) => ReactNode;
  onReorder: (items: T[]) => void;
  /** Name of the item in announcements (defaults to its id). */
  getItemLabel?: (item: T) => string;
  announcements?: SortableListAnnouncements;
  /** aria-label of the list. */
  label?: string;
  disabled?: boolean;
  className?: string;
  itemClassName?: string;
  testId?: string;
};

// The list is vertical: keep dragged items on their column.
const restrictToVerticalAxis: Modifier = ({ transform }) => ({ ...transform, x: 0 });

export function SortableList<T extends { id: string }>({
  items,
  renderItem,
  onReorder,
  getItemLabel,
  announcements = defaultSortableAnnouncements,
  label,
  disabled = false,
  className,
  itemClassName,
  testId,
}: SortableListProps<T>) {
  const contextId = useId(); // stable ids for SSR (dnd-kit's own counter differs between server and client)
  const sensors = useSensors(
    // A small distance, so a click on the handle (or a button inside it) is not a drag.
    useSensor(PointerSensor, { activationConstraint: { distance: 4 } }),
    useSensor(KeyboardSensor, { coordinateGetter: sortableKeyboardCoordinates }),
  );
  const ids = useMemo(() => items.map((i) => i.id), [items]);
  const [status, setStatus] = useState("");
  const pendingFocus = useRef<{ id: string; element: Element | null } | null>(null);

  const labelOf = (id: UniqueIdentifier): string => {
    const found = items.find((i) => i.id === id);
    return found ? (getItemLabel?.(found) ?? found.id) : String(id);
  };
  const positionOf = (id: UniqueIdentifier | undefined): number => (id === undefined ? 0 : ids.indexOf(String(id)) + 1);

  const dndAnnouncements: Announcements = {
    onDragStart: ({ active }) => announcements.pickedUp(labelOf(active.id), positionOf(active.id), ids.length),
    onDragOver: ({ active, over }) => (over ? announcements.movedTo(labelOf(active.id), positionOf(over.id), ids.length) : undefined),
    onDragEnd: ({ active, over }) => announcements.dropped(labelOf(active.id), positionOf(over?.id ?? active.id), ids.length),
    onDragCancel: ({ active }) => announcements.cancelled(labelOf(active.id), positionOf(active.id), ids.length),
  };

  function handleDragEnd({ active, over }: DragEndEvent) {
    if (!over || active.id === over.id) return;
    const from = ids.indexOf(String(active.id));
    const to = ids.indexOf(String(over.id));
    if (from < 0 || to < 0) return;
    onReorder(moveItem(items, from, to));
  }

  function moveBy(index: number, delta: -1 | 1) {
    const to = index + delta;
    if (disabled || to < 0 || to >= items.length) return;
    const item = items[index] as T;
    pendingFocus.current = { id: item.id, element: typeof document === "undefined" ? null : document.activeElement };
    setStatus(announcements.movedTo(getItemLabel?.(item) ?? item.id, to + 1, items.length));
    onReorder(moveItem(items, index, to));
  }

  // After a button move React re-orders the DOM, which can drop focus (and the
  // button may now be disabled, at the top or bottom): put focus back on it, or
  // on the item's drag handle.
  const listRef = useRef<HTMLUListElement>(null);
  useLayoutEffect(() => {
    const pending = pendingFocus.current;
    if (!pending) return;
    pendingFocus.current = null;
    const { element } = pending;
    if (element instanceof HTMLElement && element.isConnected && !element.matches(":disabled")) {
      if (document.activeElement !== element) element.focus();
      return;
    }
    const row = [...(listRef.current?.querySelectorAll<HTMLElement>("[data-sortable-id]") ?? [])].find((el) => el.dataset.sortableId === pending.id);
    row?.querySelector<HTMLElement>('[data-testid="drag-handle"]')?.focus();
  }, [items]);

  return (
    <DndContext
      id={contextId}
      sensors={sensors}
      collisionDetection={closestCenter}
      modifiers={[restrictToVerticalAxis]}
      onDragEnd={handleDragEnd}
      accessibility={{ announcements: dndAnnouncements, screenReaderInstructions: { draggable: announcements.instructions } }}
    >
      <SortableContext items={ids} strategy={verticalListSortingStrategy} disabled={disabled}>
        <ul ref={listRef} aria-label={label} className={cn("space-y-2", className)} data-testid={testId}>
          {items.map((item, index) => (
            <SortableRow
              key={item.id}
              item={item}
              index={index}
              count={items.length}
              disabled={disabled}
              roleDescription={announcements.roleDescription}
              className={itemClassName}
              renderItem={renderItem}
              moveBy={moveBy}
            />
          ))}
        </ul>
      </SortableContext>
      <div role="status" aria-live="polite" aria-atomic="true" className="sr-only">
        {status}
      </div>
    </DndContext>
  );
}

function SortableRow<T extends { id: string }>({
  item,
  index,
  count,
  disabled,
  roleDescription,
  className,
  renderItem,
  moveBy,
}: {
  item: T;
  index: number;
  count: number;
  disabled: boolean;
  roleDescription?: string;
  className?: string;
  renderItem: SortableListProps<T>["renderItem"];
  moveBy: (index: number, delta: -1 | 1) => void;
}) {
  const { attributes, listeners, setNodeRef, setActivatorNodeRef, transform, transition, isDragging } = useSortable({
    id: item.id,
    disabled,
    attributes: roleDescription ? { roleDescription } : undefined,
  });
  const handleProps: SortableHandleProps = {
    ...attributes,
    ...(listeners as Pick<DOMAttributes<HTMLElement>, "onPointerDown" | "onKeyDown"> | undefined),
    ref: setActivatorNodeRef,
    "data-testid": "drag-handle",
  };
  const controls: SortableItemControls = {
    index,
    count,
    isDragging,
    canMoveUp: !disabled && index > 0,
    canMoveDown: !disabled && index < count - 1,
    moveUp: () => moveBy(index, -1),
    moveDown: () => moveBy(index, 1),
  };
  return (
    <li
      ref={setNodeRef}
      data-sortable-id={item.id}
      data-dragging={isDragging || undefined}
      style={{ transform: CSS.Translate.toString(transform), transition }}
      className={cn("relative", isDragging && "z-10 opacity-90 shadow-lg", className)}
    >
      {renderItem(item, handleProps, controls)}
    </li>
  );
}

/** A grip button to use as the drag handle: spread the handle props onto it. */
export function DragHandle({ label, className, ...props }: SortableHandleProps & { label: string; className?: string } & Omit<ComponentProps<"button">, "ref">) {
  return (
    <button
      type="button"
      aria-label={label}
      title={label}
      className={cn(
        "inline-flex size-8 shrink-0 cursor-grab touch-none items-center justify-center rounded text-stone-600 hover:bg-stone-100 hover:text-stone-900 active:cursor-grabbing",
        "aria-disabled:cursor-not-allowed aria-disabled:opacity-50",
        focusRing,
        className,
      )}
      {...props}
    >
      <svg aria-hidden="true" viewBox="0 0 16 16" className="size-4" fill="currentColor">
        <circle cx="5.5" cy="3.5" r="1.3" />
        <circle cx="10.5" cy="3.5" r="1.3" />
        <circle cx="5.5" cy="8" r="1.3" />
        <circle cx="10.5" cy="8" r="1.3" />
        <circle cx="5.5" cy="12.5" r="1.3" />
        <circle cx="10.5" cy="12.5" r="1.3" />
      </svg>
    </button>
  );
}

/** The move up / move down buttons for an item (labels translated by the caller). */
export function MoveButtons({ controls, upLabel, downLabel, className }: { controls: SortableItemControls; upLabel: string; downLabel: string; className?: string }) {
  const btn = cn(
    "inline-flex size-8 items-center justify-center rounded border border-stone-300 bg-white text-stone-800 hover:bg-stone-100 disabled:cursor-not-allowed disabled:opacity-40",
    focusRing,
  );
  return (
    <span className={cn("inline-flex gap-1", className)}>
      <button type="button" className={btn} aria-label={upLabel} title={upLabel} disabled={!controls.canMoveUp} onClick={controls.moveUp} data-testid="move-up">
        <svg aria-hidden="true" viewBox="0 0 16 16" className="size-4" fill="none" stroke="currentColor" strokeWidth="2" strokeLinecap="round" strokeLinejoin="round">
          <path d="M3 10l5-5 5 5" />
        </svg>
      </button>
      <button type="button" className={btn} aria-label={downLabel} title={downLabel} disabled={!controls.canMoveDown} onClick={controls.moveDown} data-testid="move-down">
        <svg aria-hidden="true" viewBox="0 0 16 16" className="size-4" fill="none" stroke="currentColor" strokeWidth="2" strokeLinecap="round" strokeLinejoin="round">
          <path d="M3 6l5 5 5-5" />
        </svg>
      </button>
    </span>
  );
}
