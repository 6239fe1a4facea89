import { createBrowserRouter } from "react-router";
import { ForgotPasswordPage } from "../accounts/ForgotPasswordPage";
import { ResetPasswordPage } from "../accounts/ResetPasswordPage";
import { SignInPage } from "../accounts/SignInPage";
import { AdminClsmPage } from "../admin/AdminClsmPage";
import { AdminLayout } from "../admin/AdminLayout";
import { AdminUsersPage } from "../admin/AdminUsersPage";
import { CreateClsmPage } from "../admin/CreateClsmPage";
import { MailOutboxPage } from "../admin/MailOutboxPage";
import { AllClsmsPage } from "../workspaces/AllClsmsPage";
import { ClsmHomePage } from "../workspaces/ClsmHomePage";
import { EditTerritoryPage } from "../workspaces/EditTerritoryPage";
import { ErrorPage } from "./ErrorPage";
import { Landing } from "./Landing";
import { Layout } from "./Layout";
import { NotFoundPage } from "./NotFoundPage";
import { RequireAuth, RequireCapability } from "./RequireAuth";
import { Root } from "./Root";

export const router = createBrowserRouter([
  {
    element: <Root />,
    errorElement: <ErrorPage />,
    children: [
      {
        element: <Layout />,
        children: [
          { path: "connexion", element: <SignInPage /> },
          { path: "mot-de-passe-oublie", element: <ForgotPasswordPage /> },
          { path: "reinitialiser-mot-de-passe", element: <ResetPasswordPage /> },
          {
            element: <RequireAuth />,
            children: [
              { index: true, element: <Landing /> },
              {
                path: "clsm",
                element: <RequireCapability capability="browseClsms" />,
                children: [{ index: true, element: <AllClsmsPage /> }],
              },
              { path: "clsm/:clsmId", element: <ClsmHomePage /> },
              { path: "clsm/:clsmId/territoire", element: <EditTerritoryPage /> },
              {
                path: "admin",
                element: <AdminLayout />,
                children: [
                  {
                    path: "clsm",
                    element: <RequireCapability capability="createClsm" />,
                    children: [
                      { index: true, element: <AdminClsmPage /> },
                      { path: "nouveau", element: <CreateClsmPage /> },
                    ],
                  },
                  {
                    path: "personnes",
                    element: <RequireCapability capability="manageUsers" />,
                    children: [{ index: true, element: <AdminUsersPage /> }],
                  },
                  {
                    path: "courriels",
                    element: <RequireCapability capability="readOutbox" />,
                    children: [{ index: true, element: <MailOutboxPage /> }],
                  },
                ],
              },
            ],
          },
          { path: "*", element: <NotFoundPage /> },
        ],
      },
    ],
  },
]);
