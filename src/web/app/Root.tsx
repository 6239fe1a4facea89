import { useQueryClient } from "@tanstack/react-query";
import { useEffect } from "react";
import { RouterProvider as AriaRouterProvider } from "react-aria-components";
import { Outlet, useHref, useNavigate } from "react-router";
import { meKey } from "../accounts/api";
import { onUnauthenticated } from "../lib/api";

/** Glue between the router, React Aria links and the session. */
export function Root() {
  const navigate = useNavigate();
  const queryClient = useQueryClient();

  // When the API says the session is over, forget who was signed in: guarded pages go to sign-in.
  useEffect(
    () =>
      onUnauthenticated(() => {
        if (queryClient.getQueryData(meKey)) queryClient.setQueryData(meKey, null);
      }),
    [queryClient],
  );

  return (
    <AriaRouterProvider navigate={(to) => navigate(to)} useHref={useHref}>
      <Outlet />
    </AriaRouterProvider>
  );
}
