import * as DropdownMenu from "@radix-ui/react-dropdown-menu";
import { Fragment } from "react";
import { Icon, type IconName } from "../../components/Icon";
import { useT } from "../../i18n";

export interface RowMenuItem {
  label: string;
  onSelect: () => void;
  icon?: IconName;
  /** The key that does the same, shown at the right ("F2", "Ctrl+C"). */
  shortcut?: string;
  danger?: boolean;
  disabled?: boolean;
  testId: string;
  /** A line above this item. */
  separated?: boolean;
}

interface Props {
  /** Where the pointer was (CSS pixels of the window). */
  at: { x: number; y: number };
  items: readonly RowMenuItem[];
  onClose: () => void;
}

/** "Ctrl+C", or "⌘C" on a Mac. */
export function shortcut(key: string): string {
  return /Mac|iPhone|iPad/.test(navigator.platform) ? `⌘${key}` : `Ctrl+${key}`;
}

/**
 * The object table's context menu (right click on rows or beside them): a Radix DropdownMenu
 * opened at the pointer (an empty anchor placed there). Arrow keys move, Enter picks, Escape
 * closes; the table gets the focus back.
 */
export function RowMenu({ at, items, onClose }: Props) {
  const { t } = useT();
  return (
    <DropdownMenu.Root open modal onOpenChange={(open) => !open && onClose()}>
      <DropdownMenu.Trigger asChild>
        <span className="row-menu-anchor" style={{ left: at.x, top: at.y }} aria-hidden="true" />
      </DropdownMenu.Trigger>
      <DropdownMenu.Portal>
        <DropdownMenu.Content
          className="menu row-menu"
          align="start"
          side="bottom"
          collisionPadding={8}
          aria-label={t("rowMenu.label")}
          data-testid="row-menu"
          onCloseAutoFocus={(e) => {
            e.preventDefault();
            document.querySelector<HTMLElement>('[data-testid="object-table"]')?.focus();
          }}
        >
          {items.map((item) => (
            <Fragment key={item.testId}>
              {item.separated && <DropdownMenu.Separator className="menu-separator" />}
              <DropdownMenu.Item
                className={`menu-item ${item.danger ? "danger" : ""}`}
                disabled={item.disabled}
                data-testid={item.testId}
                onSelect={item.onSelect}
              >
                {item.icon ? <Icon name={item.icon} size={16} /> : <span className="menu-icon-space" />}
                <span className="menu-label">{item.label}</span>
                {item.shortcut && <kbd className="menu-shortcut">{item.shortcut}</kbd>}
              </DropdownMenu.Item>
            </Fragment>
          ))}
        </DropdownMenu.Content>
      </DropdownMenu.Portal>
    </DropdownMenu.Root>
  );
}
