// The routes of the app (TanStack Router, code-based). The history is given by the caller: hash
// history in the app (a reload inside Tauri keeps the place), memory history in tests.
import { useQuery, type QueryClient } from "@tanstack/react-query";
import {
  createRootRouteWithContext,
  createRoute,
  createRouter,
  redirect,
  type RouterHistory,
  type SearchSchemaInput,
} from "@tanstack/react-router";
import { AppLayout, NotFound } from "./App";
import { BucketSettingsPage } from "./features/bucket-settings/BucketSettingsPage";
import { DEFAULT_SETTINGS_TAB, isSettingsTab } from "./features/bucket-settings/tabs";
import { PickBucket } from "./features/buckets/PickBucket";
import { ObjectBrowser } from "./features/objects/ObjectBrowser";
import { rememberedProfileId } from "./features/profiles/lastProfile";
import { ProfileRoute } from "./features/profiles/ProfileRoute";
import { profilesQuery } from "./features/profiles/queries";
import { WelcomePage } from "./features/profiles/WelcomePage";
import { parentPrefix } from "./features/search/model";
import { SearchPage } from "./features/search/SearchPage";
import { TopicsPage } from "./features/topics/TopicsPage";
import { TransfersPage } from "./features/transfers/TransfersPage";
import { parseSearch, stringifySearch, stringParam } from "./lib/search";

export interface RouterContext {
  queryClient: QueryClient;
  /** Per router: whether the first navigation (the app's start) has been seen. */
  session: { started: boolean };
}

const rootRoute = createRootRouteWithContext<RouterContext>()({
  component: AppLayout,
  notFoundComponent: NotFound,
  beforeLoad: ({ context }) => {
    const starting = !context.session.started;
    context.session.started = true;
    return { starting };
  },
});

/** "/": at the start, opens the last profile (or the first); later, the place to choose or add one. */
const welcomeRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: "/",
  component: WelcomePage,
  beforeLoad: async ({ context }) => {
    if (!context.starting) return;
    const profiles = await context.queryClient.ensureQueryData(profilesQuery()).catch(() => []);
    const last = rememberedProfileId();
    const open = profiles.find((p) => p.id === last) ?? profiles[0];
    if (open) throw redirect({ to: "/p/$profileId", params: { profileId: open.id }, replace: true });
  },
});

const profileRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: "p/$profileId",
  component: function Profile() {
    const { profileId } = profileRoute.useParams();
    return <ProfileRoute profileId={profileId} />;
  },
});

const pickBucketRoute = createRoute({
  getParentRoute: () => profileRoute,
  path: "/",
  component: PickBucket,
});

const objectsRoute = createRoute({
  getParentRoute: () => profileRoute,
  path: "b/$bucket",
  // The prefix is taken as it is: spaces, "//", Unicode (lib/search.ts keeps it a string).
  // `select`: an object of that folder to select, as the path field asks.
  validateSearch: (search: { prefix?: string; select?: string } & SearchSchemaInput) => ({
    prefix: stringParam(search.prefix),
    select: stringParam(search.select),
  }),
  component: function Objects() {
    const { profileId, bucket } = objectsRoute.useParams();
    const { prefix, select } = objectsRoute.useSearch();
    const navigate = objectsRoute.useNavigate();
    const endpoint = useQuery(profilesQuery()).data?.find((p) => p.id === profileId)?.endpoint ?? null;
    return (
      <ObjectBrowser
        // A new place starts fresh: selection, sort and notice belong to one folder.
        key={`${profileId}\n${bucket}\n${prefix}\n${select}`}
        profileId={profileId}
        bucket={bucket}
        prefix={prefix}
        initialSelect={select || undefined}
        endpoint={endpoint}
        onNavigate={(next) => void navigate({ search: { prefix: next } })}
        onGo={(place) =>
          void navigate({
            to: "/p/$profileId/b/$bucket",
            params: { profileId, bucket: place.bucket },
            search: { prefix: place.prefix, select: place.select },
          })
        }
        onOpenTransfers={() => void navigate({ to: "/transfers" })}
      />
    );
  },
});

const settingsIndexRoute = createRoute({
  getParentRoute: () => profileRoute,
  path: "b/$bucket/settings",
  beforeLoad: ({ params }) => {
    throw redirect({ to: "/p/$profileId/b/$bucket/settings/$tab", params: { ...params, tab: DEFAULT_SETTINGS_TAB }, replace: true });
  },
});

const settingsRoute = createRoute({
  getParentRoute: () => profileRoute,
  path: "b/$bucket/settings/$tab",
  beforeLoad: ({ params }) => {
    if (!isSettingsTab(params.tab)) {
      throw redirect({ to: "/p/$profileId/b/$bucket/settings/$tab", params: { ...params, tab: DEFAULT_SETTINGS_TAB }, replace: true });
    }
  },
  component: function Settings() {
    const { profileId, bucket, tab } = settingsRoute.useParams();
    const navigate = settingsRoute.useNavigate();
    return (
      <BucketSettingsPage
        profileId={profileId}
        bucket={bucket}
        tab={isSettingsTab(tab) ? tab : DEFAULT_SETTINGS_TAB}
        onTab={(next) => void navigate({ params: { profileId, bucket, tab: next } })}
      />
    );
  },
});

const topicsRoute = createRoute({
  getParentRoute: () => profileRoute,
  path: "topics",
  component: function Topics() {
    const { profileId } = topicsRoute.useParams();
    return <TopicsPage profileId={profileId} />;
  },
});

const searchRoute = createRoute({
  getParentRoute: () => profileRoute,
  path: "search",
  validateSearch: (search: { bucket?: string } & SearchSchemaInput) => ({ bucket: stringParam(search.bucket) }),
  component: function Search() {
    const { profileId } = searchRoute.useParams();
    const { bucket } = searchRoute.useSearch();
    const navigate = searchRoute.useNavigate();
    return (
      <SearchPage
        key={profileId}
        profileId={profileId}
        bucket={bucket}
        onBucket={(next) => void navigate({ search: { bucket: next }, replace: true })}
        onOpen={(hit) =>
          void navigate({
            to: "/p/$profileId/b/$bucket",
            params: { profileId, bucket: hit.bucket || bucket },
            search: { prefix: parentPrefix(hit.key), select: hit.key },
          })
        }
      />
    );
  },
});

const transfersRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: "transfers",
  component: TransfersPage,
});

const routeTree = rootRoute.addChildren([
  welcomeRoute,
  profileRoute.addChildren([pickBucketRoute, objectsRoute, settingsIndexRoute, settingsRoute, topicsRoute, searchRoute]),
  transfersRoute,
]);

export function createAppRouter({ history, queryClient }: { history: RouterHistory; queryClient: QueryClient }) {
  return createRouter({
    routeTree,
    history,
    context: { queryClient, session: { started: false } },
    parseSearch,
    stringifySearch,
    defaultPreload: false,
    // Only the main area changes between routes: no full-page pending state.
    defaultPendingMs: 300,
  });
}

export type AppRouter = ReturnType<typeof createAppRouter>;

declare module "@tanstack/react-router" {
  interface Register {
    router: AppRouter;
  }
}
