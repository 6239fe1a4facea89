import * as Plot from "@observablehq/plot";
import { useEffect, useRef } from "react";
import type { ChartSpec } from "./charts";

/**
 * Draws a Plot chart into the page (SVG). The SVG is one image for assistive technologies (role="img") named by
 * the summary; the legend's swatches are decoration. Width follows the container when drawn.
 */
export function PlotChart({ make }: { make: (width: number) => ChartSpec }) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const container = ref.current;
    if (!container) return;
    const spec = make(Math.min(760, Math.max(320, container.clientWidth || 640)));
    const node = Plot.plot({ ...spec.options, style: { fontSize: "13px", overflow: "visible" } });
    const svgs = node instanceof SVGSVGElement ? [node] : [...node.querySelectorAll("svg")];
    const chart = svgs.at(-1);
    for (const svg of svgs) svg.setAttribute("aria-hidden", "true");
    // Plot names its marks' groups ("bar", "rule"): meaningless once the whole image is named, and not allowed
    // on a <g> without a role.
    for (const named of node.querySelectorAll("svg [aria-label], svg [aria-description]")) {
      named.removeAttribute("aria-label");
      named.removeAttribute("aria-description");
    }
    if (chart) {
      chart.removeAttribute("aria-hidden");
      chart.setAttribute("role", "img");
      chart.setAttribute("aria-label", spec.summary);
    }
    container.replaceChildren(node);
    return () => node.remove();
  }, [make]);
  return <div ref={ref} className="result-chart__plot" />;
}
