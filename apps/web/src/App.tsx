import { lazy } from 'react';
import { Navigate, Route, Routes } from 'react-router';
import { ClientOnlyRoute, ServerOnlyRoute } from './components/auth/ModeRoutes.tsx';
import { ProtectedRoute } from './components/auth/ProtectedRoute.tsx';
import { useAppMode } from './hooks/useRuntimeConfig.ts';
import { Layout } from './components/layout/Layout.tsx';
import LandingPage from './pages/LandingPage.tsx';
import NotFoundPage from './pages/NotFoundPage.tsx';

// The landing page ships in the entry chunk (first visit); everything else loads on demand.
const SignupPage = lazy(() => import('./pages/SignupPage.tsx'));
const LoginPage = lazy(() => import('./pages/LoginPage.tsx'));
const VerifyEmailPage = lazy(() => import('./pages/VerifyEmailPage.tsx'));
const ForgotPasswordPage = lazy(() => import('./pages/ForgotPasswordPage.tsx'));
const ResetPasswordPage = lazy(() => import('./pages/ResetPasswordPage.tsx'));
const DashboardPage = lazy(() => import('./pages/DashboardPage.tsx'));
const SettingsPage = lazy(() => import('./pages/SettingsPage.tsx'));
const FaqPage = lazy(() => import('./pages/FaqPage.tsx'));
const ApiDocsPage = lazy(() => import('./pages/ApiDocsPage.tsx'));
const ConsumptionPage = lazy(() => import('./pages/ConsumptionPage.tsx'));
const ProductionPage = lazy(() => import('./pages/ProductionPage.tsx'));
const BalancePage = lazy(() => import('./pages/BalancePage.tsx'));
const TempoPage = lazy(() => import('./pages/TempoPage.tsx'));
const EcowattPage = lazy(() => import('./pages/EcowattPage.tsx'));
const FrancePage = lazy(() => import('./pages/FrancePage.tsx'));
const OffersPage = lazy(() => import('./features/offers/OffersPage.tsx'));
const ConsumptionEuroPage = lazy(() => import('./features/costs/ConsumptionEuroPage.tsx'));
const SimulatorPage = lazy(() => import('./features/simulator/SimulatorPage.tsx'));
const AdminLayout = lazy(() => import('./features/admin/AdminLayout.tsx'));
const AdminOverviewPage = lazy(() => import('./features/admin/AdminOverviewPage.tsx'));
const AdminUsersPage = lazy(() => import('./features/admin/AdminUsersPage.tsx'));
const AdminRolesPage = lazy(() => import('./features/admin/AdminRolesPage.tsx'));
const AdminRtePage = lazy(() => import('./features/admin/AdminRtePage.tsx'));
const AdminSharedPage = lazy(() => import('./features/admin/AdminSharedPage.tsx'));
const AdminLogsPage = lazy(() => import('./features/admin/AdminLogsPage.tsx'));
const AdminCachesPage = lazy(() => import('./features/admin/AdminCachesPage.tsx'));
const ModerationPage = lazy(() => import('./features/contributions/ModerationPage.tsx'));
const ContributePage = lazy(() => import('./features/contributions/ContributePage.tsx'));
// Client mode (SERVER_MODE=false) only.
const ClientDashboardPage = lazy(() => import('./features/sync/ClientDashboardPage.tsx'));
const SyncPage = lazy(() => import('./features/sync/SyncPage.tsx'));
const HistoryImportPage = lazy(() => import('./features/history-import/HistoryImportPage.tsx'));
const ExportersPage = lazy(() => import('./features/exporters/ExportersPage.tsx'));
const ExporterPage = lazy(() => import('./features/exporters/ExporterPage.tsx'));

/** The gateway's dashboard is an account's; a local client's is the household's meters and its gateway link. */
function Dashboard() {
  return useAppMode() === 'client' ? <ClientDashboardPage /> : <DashboardPage />;
}

export function App() {
  return (
    <Routes>
      <Route element={<Layout />}>
        {/* A local client has no landing or accounts: these lead to its dashboard there. */}
        <Route element={<ServerOnlyRoute />}>
          <Route index element={<LandingPage />} />
          <Route path="signup" element={<SignupPage />} />
          <Route path="login" element={<LoginPage />} />
          <Route path="verify-email" element={<VerifyEmailPage />} />
          <Route path="forgot-password" element={<ForgotPasswordPage />} />
          <Route path="reset-password" element={<ResetPasswordPage />} />
        </Route>
        <Route path="faq" element={<FaqPage />} />
        <Route path="api-docs" element={<ApiDocsPage />} />
        <Route path="tempo" element={<TempoPage />} />
        <Route path="ecowatt" element={<EcowattPage />} />
        <Route path="france" element={<FrancePage />} />
        <Route path="offers" element={<OffersPage />} />
        <Route element={<ClientOnlyRoute />}>
          <Route path="sync" element={<SyncPage />} />
          <Route path="import" element={<HistoryImportPage />} />
          <Route path="exporters" element={<ExportersPage />} />
          <Route path="exporters/:id" element={<ExporterPage />} />
        </Route>
        {/* Open to anyone in client mode (no accounts there; LOCAL_PASSWORD guards the whole app). */}
        <Route element={<ProtectedRoute />}>
          <Route path="dashboard" element={<Dashboard />} />
          <Route element={<ServerOnlyRoute />}>
            <Route path="settings" element={<SettingsPage />} />
            <Route path="contribute" element={<ContributePage />} />
          </Route>
          <Route path="consumption" element={<ConsumptionPage />} />
          <Route path="consumption_kwh" element={<Navigate to="/consumption" replace />} />
          <Route path="consumption_euro" element={<ConsumptionEuroPage />} />
          <Route path="simulator" element={<SimulatorPage />} />
          <Route path="production" element={<ProductionPage />} />
          <Route path="balance" element={<BalancePage />} />
          {/* Admin area: full paths, so each page is listed as it is reached (accessibility suite). */}
          <Route element={<AdminLayout />}>
            <Route path="admin" element={<AdminOverviewPage />} />
            <Route path="admin/users" element={<AdminUsersPage />} />
            <Route path="admin/contributions" element={<ModerationPage />} />
            <Route path="admin/roles" element={<AdminRolesPage />} />
            <Route path="admin/logs" element={<AdminLogsPage />} />
            <Route path="admin/caches" element={<AdminCachesPage />} />
            <Route path="admin/rte" element={<AdminRtePage />} />
            <Route path="admin/shared" element={<AdminSharedPage />} />
          </Route>
        </Route>
        <Route path="*" element={<NotFoundPage />} />
      </Route>
    </Routes>
  );
}
