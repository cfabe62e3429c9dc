import * as RadixTooltip from "@radix-ui/react-tooltip";
import type { ReactElement, ReactNode } from "react";

/** Once at the root: tooltips share their open delay (moving from one to the next shows it at once). */
export function TooltipProvider({ children }: { children: ReactNode }) {
  return <RadixTooltip.Provider delayDuration={400}>{children}</RadixTooltip.Provider>;
}

interface Props {
  label: string;
  /** One focusable element (usually an icon button that also has this label as aria-label). */
  children: ReactElement;
  side?: "top" | "right" | "bottom" | "left";
}

/** A short label shown on hover and on keyboard focus (Radix Tooltip); Escape hides it. */
export function Tooltip({ label, children, side = "bottom" }: Props) {
  return (
    <RadixTooltip.Root>
      <RadixTooltip.Trigger asChild>{children}</RadixTooltip.Trigger>
      <RadixTooltip.Portal>
        <RadixTooltip.Content className="tooltip" side={side} sideOffset={6} collisionPadding={8}>
          {label}
          <RadixTooltip.Arrow className="tooltip-arrow" width={10} height={5} />
        </RadixTooltip.Content>
      </RadixTooltip.Portal>
    </RadixTooltip.Root>
  );
}
