/** Colour and shape per entity type (shape too, so the graph reads without colour) and the Cytoscape stylesheet. */
import type { StylesheetJson } from 'cytoscape';
import type { EntityType } from '../types.ts';

export interface TypeLook { color: string; border: string; shape: string }

// Okabe-Ito colours: distinguishable with the common colour-vision deficiencies.
export const TYPE_LOOK: Record<EntityType, TypeLook> = {
  PERSON: { color: '#0072B2', border: '#004f7c', shape: 'ellipse' },
  ORGANISATION: { color: '#E69F00', border: '#9c6b00', shape: 'round-rectangle' },
  MUNICIPALITY: { color: '#009E73', border: '#006b4e', shape: 'hexagon' },
  PROGRAMME: { color: '#CC79A7', border: '#8f4f73', shape: 'diamond' },
  THEME: { color: '#D55E00', border: '#8f3f00', shape: 'star' },
};

/** An SVG of the node shape, for the legend and the lists. */
export function shapeIcon(type: EntityType, size = 16): string {
  const { color, border, shape } = TYPE_LOOK[type];
  const s = size;
  const h = s / 2;
  let body: string;
  switch (shape) {
    case 'ellipse':
      body = `<circle cx="${h}" cy="${h}" r="${h - 1.5}"/>`;
      break;
    case 'round-rectangle':
      body = `<rect x="1.5" y="3" width="${s - 3}" height="${s - 6}" rx="3"/>`;
      break;
    case 'hexagon': {
      const pts = [0, 60, 120, 180, 240, 300].map((a) => {
        const r = (a * Math.PI) / 180;
        return `${(h + (h - 1.5) * Math.cos(r)).toFixed(1)},${(h + (h - 1.5) * Math.sin(r)).toFixed(1)}`;
      });
      body = `<polygon points="${pts.join(' ')}"/>`;
      break;
    }
    case 'diamond':
      body = `<polygon points="${h},1.5 ${s - 1.5},${h} ${h},${s - 1.5} 1.5,${h}"/>`;
      break;
    default: {
      const pts: string[] = [];
      for (let i = 0; i < 10; i++) {
        const r = (i % 2 === 0 ? h - 1 : (h - 1) * 0.45);
        const a = -Math.PI / 2 + (i * Math.PI) / 5;
        pts.push(`${(h + r * Math.cos(a)).toFixed(1)},${(h + r * Math.sin(a)).toFixed(1)}`);
      }
      body = `<polygon points="${pts.join(' ')}"/>`;
    }
  }
  return `<svg class="shape-icon" width="${s}" height="${s}" viewBox="0 0 ${s} ${s}" aria-hidden="true" focusable="false"><g fill="${color}" stroke="${border}" stroke-width="1.2">${body}</g></svg>`;
}

type Rule = { selector: string; style: Record<string, unknown> };

export function graphStylesheet(): StylesheetJson {
  const byType: Rule[] = (Object.keys(TYPE_LOOK) as EntityType[]).map((type) => ({
    selector: `node[type = "${type}"]`,
    style: {
      'background-color': TYPE_LOOK[type].color,
      'border-color': TYPE_LOOK[type].border,
      shape: TYPE_LOOK[type].shape,
    },
  }));
  const rules: Rule[] = [
    {
      selector: 'node',
      style: {
        width: 'data(size)',
        height: 'data(size)',
        'border-width': 1.5,
        label: 'data(label)',
        'font-family': 'system-ui, "Segoe UI", Roboto, sans-serif',
        'font-size': 12.5,
        color: '#1f2933',
        'text-valign': 'bottom',
        'text-margin-y': 3,
        'text-wrap': 'ellipsis',
        'text-max-width': '160px',
        'text-background-color': '#ffffff',
        'text-background-opacity': 0.8,
        'text-background-padding': '1px',
        'text-background-shape': 'roundrectangle',
        'min-zoomed-font-size': 6,
      },
    },
    ...byType,
    {
      selector: 'edge',
      style: {
        width: 'data(width)',
        'line-color': '#9aa5b1',
        'target-arrow-color': '#9aa5b1',
        'target-arrow-shape': 'triangle',
        'arrow-scale': 0.7,
        'curve-style': 'bezier',
        opacity: 0.75,
      },
    },
    { selector: 'edge[type = "WORKS_ON"]', style: { 'line-style': 'solid' } },
    { selector: 'edge[type = "WORKS_FOR"], edge[type = "RUN_BY"]', style: { 'line-color': '#7b8794', 'target-arrow-color': '#7b8794' } },
    { selector: 'edge[type = "HOLDS_OFFICE_IN"], edge[type = "RUNS_IN"], edge[type = "BASED_IN"]', style: { 'line-style': 'dashed' } },
    // Big graphs: straight haystack edges without arrows draw several times faster.
    { selector: 'edge.fast', style: { 'curve-style': 'haystack', 'haystack-radius': 0, 'target-arrow-shape': 'none' } },
    // No label at all (not a transparent one): then it is not measured either, which is
    // much of the first frame of a 1,000-node graph.
    { selector: 'node.quiet', style: { label: '' } },
    { selector: 'node.quiet.hover, node.quiet.near, node.quiet.focus, node.quiet:selected', style: { label: 'data(label)' } },
    { selector: '.filtered', style: { display: 'none' } },
    {
      selector: 'node:selected',
      style: { 'border-width': 4, 'border-color': '#111827', 'font-weight': 'bold', 'z-index': 10 },
    },
    {
      selector: 'edge:selected, edge.highlight',
      style: {
        'line-color': '#1f2933', 'target-arrow-color': '#1f2933', opacity: 1,
        label: 'data(relation)', 'font-size': 10, 'text-rotation': 'autorotate',
        'text-background-color': '#ffffff', 'text-background-opacity': 0.9, 'text-background-padding': '1px',
      },
    },
    { selector: 'node.faded', style: { opacity: 0.35 } },
    { selector: 'edge.faded', style: { opacity: 0.15 } },
    { selector: 'node.focus', style: { 'border-width': 4, 'border-style': 'double', 'border-color': '#111827' } },
  ];
  // The typings of Cytoscape's style values are narrower than what it accepts (e.g. 'data(size)').
  return rules as unknown as StylesheetJson;
}
