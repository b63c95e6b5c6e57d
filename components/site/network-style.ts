// How each entity type is drawn in the network and shown in its legend: a colour
// (dark enough for white text and for a 3:1 contrast against the page) and a shape,
// so the types stay apart without colour too.
import type { EntityType } from "@/lib/entities/schemas";

export const TYPE_STYLE: Record<EntityType, { color: string; shape: "ellipse" | "round-rectangle" | "diamond" | "triangle" }> = {
  person: { color: "#b45309", shape: "ellipse" },
  organization: { color: "#1d4ed8", shape: "round-rectangle" },
  event: { color: "#be123c", shape: "diamond" },
  place: { color: "#047857", shape: "triangle" },
};
