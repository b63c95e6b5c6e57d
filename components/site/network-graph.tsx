"use client";
// The interactive network of the public site (cytoscape, "cose" layout). Loaded in the
// browser only; the page lists the same entities and links on the server, which is
// what works without JavaScript and for screen readers.
//
// Tap (or click) a node: it is selected, its neighbourhood highlighted and a link to
// its page offered below the canvas; tapping it again opens the page. Pinch, wheel
// and the buttons zoom; the canvas fits the width of the page.
import { useLatest } from "./use-latest";
import { useEffect, useRef, useState } from "react";
import Link from "next/link";
import { useRouter } from "next/navigation";
import type { Core } from "cytoscape";
import type { EntityType } from "@/lib/entities/schemas";
import { TYPE_STYLE } from "./network-style";

export type GraphNode = { id: string; label: string; type: EntityType; href: string; degree: number };
export type GraphEdge = { id: string; source: string; target: string; label: string; kind: "relation" | "comention"; weight: number };

type Labels = { canvas: string; loading: string; zoomIn: string; zoomOut: string; fit: string; tapHint: string; selected: string; open: string };

export function NetworkGraph({ nodes, edges, labels }: { nodes: GraphNode[]; edges: GraphEdge[]; labels: Labels }) {
  const container = useRef<HTMLDivElement>(null);
  const cyRef = useRef<Core | null>(null);
  const selectedRef = useRef<string | null>(null);
  const [ready, setReady] = useState(false);
  const [selected, setSelected] = useState<GraphNode | null>(null);
  // navigation from inside the canvas' handlers, without re-creating the canvas when the router object changes
  const routerRef = useLatest(useRouter());

  useEffect(() => {
    let disposed = false;
    (async () => {
      const cytoscape = (await import("cytoscape")).default;
      if (disposed || !container.current) return;
      const byId = new Map(nodes.map((n) => [n.id, n]));
      const cy = cytoscape({
        container: container.current,
        elements: [
          ...nodes.map((n) => ({ group: "nodes" as const, data: { id: n.id, label: n.label, degree: n.degree, color: TYPE_STYLE[n.type].color, shape: TYPE_STYLE[n.type].shape } })),
          ...edges.map((e) => ({ group: "edges" as const, data: { id: e.id, source: e.source, target: e.target, label: e.label, weight: e.weight }, classes: e.kind })),
        ],
        style: [
          {
            selector: "node",
            style: {
              "background-color": "data(color)",
              shape: "data(shape)" as never,
              label: "data(label)",
              width: "mapData(degree, 0, 20, 16, 44)",
              height: "mapData(degree, 0, 20, 16, 44)",
              "font-family": "IBM Plex Sans Arabic, system-ui, sans-serif",
              "font-size": 11,
              color: "#1c1917",
              "text-valign": "bottom",
              "text-margin-y": 3,
              "text-wrap": "ellipsis",
              "text-max-width": "120px",
              "text-outline-color": "#ffffff",
              "text-outline-width": 2,
            },
          },
          { selector: "node:selected", style: { "border-width": 4, "border-color": "#1c1917" } },
          {
            selector: "edge",
            style: {
              width: 1.5,
              "line-color": "#a8a29e",
              "curve-style": "bezier",
              label: "data(label)",
              "font-size": 8,
              "min-zoomed-font-size": 9,
              color: "#44403c",
              "text-rotation": "autorotate",
              "text-background-color": "#ffffff",
              "text-background-opacity": 0.85,
            },
          },
          { selector: "edge.relation", style: { "target-arrow-shape": "triangle", "target-arrow-color": "#a8a29e", "arrow-scale": 0.8 } },
          { selector: "edge.comention", style: { "line-style": "dashed", "line-color": "#60a5fa", width: "mapData(weight, 1, 5, 1, 5)" } },
          { selector: ".faded", style: { opacity: 0.15 } },
        ],
        layout: { name: "cose", animate: false, nodeDimensionsIncludeLabels: true, padding: 20 } as never,
        minZoom: 0.15,
        maxZoom: 4,
        boxSelectionEnabled: false,
        selectionType: "single",
      });
      const clear = () => {
        cy.elements().removeClass("faded");
        selectedRef.current = null;
        setSelected(null);
      };
      cy.on("tap", "node", (evt) => {
        const node = byId.get(evt.target.id());
        if (!node) return;
        if (selectedRef.current === node.id) {
          routerRef.current.push(node.href);
          return;
        }
        selectedRef.current = node.id;
        setSelected(node);
        const near = evt.target.closedNeighborhood();
        cy.elements().addClass("faded");
        near.removeClass("faded");
      });
      cy.on("tap", (evt) => {
        if (evt.target === cy) clear();
      });
      cyRef.current = cy;
      setReady(true);
    })();
    return () => {
      disposed = true;
      cyRef.current?.destroy();
      cyRef.current = null;
    };
  }, [nodes, edges]);

  const zoom = (factor: number) => {
    const cy = cyRef.current;
    if (!cy) return;
    cy.zoom({ level: cy.zoom() * factor, renderedPosition: { x: cy.width() / 2, y: cy.height() / 2 } });
  };
  const button = "rounded border border-stone-400 bg-white px-2 py-1 text-sm text-stone-800 hover:bg-stone-100 disabled:opacity-50";

  return (
    <div className="space-y-2">
      <div className="flex flex-wrap items-center gap-2" role="group" aria-label={labels.canvas}>
        <button type="button" className={button} onClick={() => zoom(1.25)} disabled={!ready}>
          {labels.zoomIn}
        </button>
        <button type="button" className={button} onClick={() => zoom(0.8)} disabled={!ready}>
          {labels.zoomOut}
        </button>
        <button type="button" className={button} onClick={() => cyRef.current?.fit(undefined, 20)} disabled={!ready}>
          {labels.fit}
        </button>
        <span className="text-sm text-stone-600">{labels.tapHint}</span>
      </div>
      <div
        ref={container}
        className="h-[65vh] max-h-[720px] min-h-[320px] w-full touch-none overflow-hidden rounded border border-stone-300 bg-white"
        data-testid="network-canvas"
        data-ready={ready ? "true" : "false"}
        data-nodes={nodes.length}
        role="region"
        aria-label={labels.canvas}
      />
      {!ready && <p className="text-sm text-stone-600">{labels.loading}</p>}
      <p aria-live="polite" className="min-h-[1.7em] text-sm" data-testid="network-selected">
        {selected && (
          <>
            {labels.selected} <strong>{selected.label}</strong>{" "}
            <Link href={selected.href} className="font-semibold">
              {labels.open}
            </Link>
          </>
        )}
      </p>
    </div>
  );
}
