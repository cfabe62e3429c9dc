import { createHashHistory, RouterProvider } from "@tanstack/react-router";
import { StrictMode } from "react";
import { createRoot } from "react-dom/client";
import { AppProviders } from "./AppProviders";
import { createQueryClient } from "./queryClient";
import { createAppRouter } from "./router";
import "./styles.css";

const queryClient = createQueryClient();
// Hash history: the place lives after "#", so a reload inside Tauri (which serves index.html
// only) comes back to it.
const router = createAppRouter({ history: createHashHistory(), queryClient });

createRoot(document.getElementById("root")!).render(
  <StrictMode>
    <AppProviders queryClient={queryClient}>
      <RouterProvider router={router} />
    </AppProviders>
  </StrictMode>,
);
