import * as DropdownMenu from "@radix-ui/react-dropdown-menu";
import type { ReactNode } from "react";
import { Icon, type IconName } from "./Icon";

export interface MenuItem {
  label: string;
  onSelect: () => void;
  icon?: IconName;
  danger?: boolean;
  disabled?: boolean;
  testId?: string;
}

interface Props {
  /** The accessible name of the trigger button. */
  label: string;
  /** What the trigger button shows (an icon, a label). */
  trigger: ReactNode;
  items: readonly MenuItem[];
  triggerClassName?: string;
  testId?: string;
}

/**
 * A button that opens a list of actions (Radix DropdownMenu): arrow keys move, Enter picks,
 * Escape closes, focus returns to the button.
 */
export function Menu({ label, trigger, items, triggerClassName = "icon-button", testId }: Props) {
  return (
    <DropdownMenu.Root>
      <DropdownMenu.Trigger className={triggerClassName} aria-label={label} data-testid={testId}>
        {trigger}
      </DropdownMenu.Trigger>
      <DropdownMenu.Portal>
        <DropdownMenu.Content className="menu" align="end" sideOffset={4} collisionPadding={8}>
          {items.map((item, i) => (
            <DropdownMenu.Item
              // Labels may repeat (folders "a/a/a/" in a breadcrumb menu): the position is the key.
              key={item.testId ?? i}
              className={`menu-item ${item.danger ? "danger" : ""}`}
              disabled={item.disabled}
              data-testid={item.testId}
              onSelect={item.onSelect}
            >
              {item.icon && <Icon name={item.icon} size={16} />}
              {item.label}
            </DropdownMenu.Item>
          ))}
        </DropdownMenu.Content>
      </DropdownMenu.Portal>
    </DropdownMenu.Root>
  );
}
