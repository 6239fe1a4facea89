import type { ReactNode } from "react";
import {
  Button as AriaButton,
  Menu as AriaMenu,
  MenuItem as AriaMenuItem,
  Header,
  type Key,
  type MenuItemProps,
  MenuSection,
  MenuTrigger,
  Popover,
} from "react-aria-components";

export interface MenuButtonProps {
  /** The visible content of the trigger button. */
  label: ReactNode;
  /** Accessible name when the visible label is not enough. */
  "aria-label"?: string;
  className?: string;
  children: ReactNode;
  onAction?: (key: Key) => void;
  placement?: "bottom start" | "bottom end";
}

/** A button that opens a menu (arrow keys to move, Entrée to choose, Échap to close). */
export function MenuButton({
  label,
  className,
  children,
  onAction,
  placement = "bottom start",
  ...rest
}: MenuButtonProps) {
  return (
    <MenuTrigger>
      <AriaButton className={`menu-button ${className ?? ""}`} aria-label={rest["aria-label"]}>
        {label}
        <span className="menu-button__chevron" aria-hidden="true">
          ▾
        </span>
      </AriaButton>
      <Popover className="popover" placement={placement}>
        <AriaMenu className="menu" onAction={onAction}>
          {children}
        </AriaMenu>
      </Popover>
    </MenuTrigger>
  );
}

export function MenuItem(props: Omit<MenuItemProps, "className">) {
  return <AriaMenuItem {...props} className="menu__item" />;
}

export function MenuGroup({ title, children }: { title: string; children: ReactNode }) {
  return (
    <MenuSection className="menu__section">
      <Header className="menu__header">{title}</Header>
      {children}
    </MenuSection>
  );
}
