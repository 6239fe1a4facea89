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

export interface ButtonProps extends Omit<AriaButtonProps, "className" | "children" | "isPending">, Variant {
  className?: string;
  children: ReactNode;
  /** Work in progress: shows a spinner and ignores presses (the button keeps its focus). */
  isPending?: boolean;
}

/**
 * A button (React Aria): keyboard, touch and screen-reader behaviour included.
 * Pending state is handled here rather than by React Aria's `isPending`, whose announcement points at
 * the button by id and dangles once a successful submission navigates away.
 */
export function Button({ variant, size, className, children, isPending, onPress, ...props }: ButtonProps) {
  return (
    <AriaButton
      {...props}
      onPress={isPending ? undefined : onPress}
      aria-disabled={isPending || undefined}
      data-pending={isPending || undefined}
      className={classOf({ variant, size }, className)}
    >
      {isPending ? <span className="spinner" aria-hidden="true" /> : null}
      {children}
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
