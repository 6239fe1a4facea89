import { QueryClientProvider } from "@tanstack/react-query";
import { useState } from "react";
import { I18nProvider } from "react-aria-components";
import { RouterProvider } from "react-router";
import { createQueryClient } from "./query-client";
import { router } from "./router";

export function App() {
  const [queryClient] = useState(createQueryClient);
  return (
    <I18nProvider locale="fr-FR">
      <QueryClientProvider client={queryClient}>
        <RouterProvider router={router} />
      </QueryClientProvider>
    </I18nProvider>
  );
}
