import type { ReactNode } from "react";
import {
  Button as AriaButton,
  type ButtonProps as AriaButtonProps,
  Link,
  type LinkProps,
} from "react-aria-components";

export type ButtonVariant = "primary" | "secondary" | "danger" | "quiet";

interface Variant {
  variant?: ButtonVariant;
  size?: "md" | "sm";
}

const classOf = ({ variant = "secondary", size = "md" }: Variant, extra?: string) =>
  ["button", `button--${variant}`, size === "sm" ? "button--sm" : "", extra ?? ""].filter(Boolean).join(" ");

export interface ButtonProps extends Omit<AriaButtonProps, "className" | "children">, Variant {
  className?: string;
  children: ReactNode;
}

/** A button (React Aria): keyboard, touch and screen-reader behaviour included. */
export function Button({ variant, size, className, children, ...props }: ButtonProps) {
  return (
    <AriaButton {...props} className={classOf({ variant, size }, className)}>
      {props.isPending ? (
        <>
          <span className="spinner" aria-hidden="true" />
          {children}
        </>
      ) : (
        children
      )}
    </AriaButton>
  );
}

export interface ButtonLinkProps extends Omit<LinkProps, "className" | "children">, Variant {
  className?: string;
  children: ReactNode;
}

/** A link that looks like a button (it navigates, so it stays a link for assistive technologies). */
export function ButtonLink({ variant, size, className, children, ...props }: ButtonLinkProps) {
  return (
    <Link {...props} className={classOf({ variant, size }, className)}>
      {children}
    </Link>
  );
}
