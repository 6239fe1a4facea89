import { createBrowserRouter } from "react-router";
import { ForgotPasswordPage } from "../accounts/ForgotPasswordPage";
import { ResetPasswordPage } from "../accounts/ResetPasswordPage";
import { SignInPage } from "../accounts/SignInPage";
import { AdminLayout } from "../admin/AdminLayout";
import { ErrorPage } from "./ErrorPage";
import { Landing } from "./Landing";
import { Layout } from "./Layout";
import { lazyPage } from "./lazy-page";
import { NotFoundPage } from "./NotFoundPage";
import { RequireAuth, RequireCapability } from "./RequireAuth";
import { Root } from "./Root";

// Pages behind sign-in load on demand: the sign-in page stays light.
const AdminClsmPage = lazyPage(() => import("../admin/AdminClsmPage"), "AdminClsmPage");
const AdminUsersPage = lazyPage(() => import("../admin/AdminUsersPage"), "AdminUsersPage");
const CreateClsmPage = lazyPage(() => import("../admin/CreateClsmPage"), "CreateClsmPage");
const MailOutboxPage = lazyPage(() => import("../admin/MailOutboxPage"), "MailOutboxPage");
const AllClsmsPage = lazyPage(() => import("../workspaces/AllClsmsPage"), "AllClsmsPage");
const ClsmHomePage = lazyPage(() => import("../workspaces/ClsmHomePage"), "ClsmHomePage");
const DirectoryLayout = lazyPage(() => import("../directory/DirectoryLayout"), "DirectoryLayout");
const PeoplePage = lazyPage(() => import("../directory/PeoplePage"), "PeoplePage");
const PersonPage = lazyPage(() => import("../directory/PersonPage"), "PersonPage");
const StructuresPage = lazyPage(() => import("../directory/StructuresPage"), "StructuresPage");
const StructurePage = lazyPage(() => import("../directory/StructurePage"), "StructurePage");
const CollegesPage = lazyPage(() => import("../directory/CollegesPage"), "CollegesPage");
const PillarsPage = lazyPage(() => import("../directory/PillarsPage"), "PillarsPage");
const ImportsPage = lazyPage(() => import("../directory/ImportsPage"), "ImportsPage");
const ImportPage = lazyPage(() => import("../directory/ImportPage"), "ImportPage");
const InstancesPage = lazyPage(() => import("../governance/InstancesPage"), "InstancesPage");
const InstancePage = lazyPage(() => import("../governance/InstancePage"), "InstancePage");
const FollowUpsPage = lazyPage(() => import("../meetings/minutes/FollowUpsPage"), "FollowUpsPage");
const MeetingSearchPage = lazyPage(
  () => import("../meetings/minutes/MeetingSearchPage"),
  "MeetingSearchPage",
);
const MeetingsPage = lazyPage(() => import("../meetings/MeetingsPage"), "MeetingsPage");
const MeetingPage = lazyPage(() => import("../meetings/MeetingPage"), "MeetingPage");
const DiagnosticLayout = lazyPage(() => import("../diagnostic/DiagnosticLayout"), "DiagnosticLayout");
const DiagnosticPage = lazyPage(() => import("../diagnostic/DiagnosticPage"), "DiagnosticPage");
const SurveysPage = lazyPage(() => import("../diagnostic/surveys/SurveysPage"), "SurveysPage");
const SurveyEditorPage = lazyPage(() => import("../diagnostic/surveys/SurveyEditorPage"), "SurveyEditorPage");
const SurveyPreviewPage = lazyPage(
  () => import("../diagnostic/surveys/SurveyPreviewPage"),
  "SurveyPreviewPage",
);
const SurveyCollectPage = lazyPage(
  () => import("../diagnostic/answering/SurveyCollectPage"),
  "SurveyCollectPage",
);
const PublicSurveyPage = lazyPage(
  () => import("../diagnostic/answering/PublicSurveyPage"),
  "PublicSurveyPage",
);
const SurveyResultsPage = lazyPage(
  () => import("../diagnostic/results/SurveyResultsPage"),
  "SurveyResultsPage",
);
const NeedsPage = lazyPage(() => import("../diagnostic/NeedsPage"), "NeedsPage");
const FiguresPage = lazyPage(() => import("../diagnostic/FiguresPage"), "FiguresPage");
const PrioritiesPage = lazyPage(() => import("../diagnostic/PrioritiesPage"), "PrioritiesPage");
const PriorityConsultationPage = lazyPage(
  () => import("../diagnostic/PriorityConsultationPage"),
  "PriorityConsultationPage",
);
const OpinionsPage = lazyPage(() => import("../diagnostic/OpinionsPage"), "OpinionsPage");
const OpinionPage = lazyPage(() => import("../diagnostic/OpinionPage"), "OpinionPage");
const RsvpPage = lazyPage(() => import("../rsvp/RsvpPage"), "RsvpPage");
const EditTerritoryPage = lazyPage(() => import("../workspaces/EditTerritoryPage"), "EditTerritoryPage");

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
          // The answer to a convocation, from the mailed link: no account needed.
          { path: "reponse/:token", element: <RsvpPage /> },
          // A questionnaire, from its public link or a contact's personal link: no account needed.
          { path: "questionnaire/:token", element: <PublicSurveyPage /> },
          { path: "questionnaire/invitation/:token", element: <PublicSurveyPage /> },
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
                path: "clsm/:clsmId/annuaire",
                element: <DirectoryLayout />,
                children: [
                  { index: true, element: <PeoplePage /> },
                  { path: "personnes/:personId", element: <PersonPage /> },
                  { path: "structures", element: <StructuresPage /> },
                  { path: "structures/:structureId", element: <StructurePage /> },
                  { path: "colleges", element: <CollegesPage /> },
                  { path: "piliers", element: <PillarsPage /> },
                  { path: "imports", element: <ImportsPage /> },
                  { path: "imports/:importId", element: <ImportPage /> },
                ],
              },
              {
                path: "clsm/:clsmId/diagnostic",
                element: <DiagnosticLayout />,
                children: [
                  { index: true, element: <DiagnosticPage /> },
                  { path: "enquetes", element: <SurveysPage /> },
                  { path: "enquetes/:surveyId", element: <SurveyEditorPage /> },
                  { path: "enquetes/:surveyId/apercu", element: <SurveyPreviewPage /> },
                  { path: "enquetes/:surveyId/diffusion", element: <SurveyCollectPage /> },
                  { path: "enquetes/:surveyId/resultats", element: <SurveyResultsPage /> },
                  { path: "besoins", element: <NeedsPage /> },
                  { path: "chiffres", element: <FiguresPage /> },
                  { path: "priorites", element: <PrioritiesPage /> },
                  { path: "priorites/:consultationId", element: <PriorityConsultationPage /> },
                  { path: "avis", element: <OpinionsPage /> },
                  { path: "avis/:opinionId", element: <OpinionPage /> },
                ],
              },
              { path: "clsm/:clsmId/instances", element: <InstancesPage /> },
              { path: "clsm/:clsmId/instances/:instanceId", element: <InstancePage /> },
              { path: "clsm/:clsmId/suivi", element: <FollowUpsPage /> },
              { path: "clsm/:clsmId/reunions/recherche", element: <MeetingSearchPage /> },
              { path: "clsm/:clsmId/reunions", element: <MeetingsPage /> },
              { path: "clsm/:clsmId/reunions/:meetingId", element: <MeetingPage /> },
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
