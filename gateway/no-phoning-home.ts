// A hub of CPR data on a closed network must reach nothing it was not configured to reach, and
// Apollo's libraries would. @apollo/gateway 2.14 starts an OpenTelemetry meter in its constructor
// unless APOLLO_TELEMETRY_DISABLED is set: its cloud detectors probe 169.254.169.254,
// 100.100.100.200 and metadata.google.internal, and it reports to usage-reporting.api.apollographql.com
// hourly and on stop. @apollo/server reports usage to Apollo's cloud whenever APOLLO_KEY and a graph
// ref are in the environment. Both are switched off here in code, not by a variable a deployment may
// forget (test/no-outbound.test.ts starts the system with outbound connections recorded).
import type { ApolloServerPlugin, BaseContext } from '@apollo/server';
import { ApolloServerPluginSchemaReportingDisabled, ApolloServerPluginUsageReportingDisabled } from '@apollo/server/plugin/disabled';

/** Call before constructing an ApolloGateway: it reads the variable there, and has no option for it. */
export function disableApolloGatewayTelemetry(): void {
  process.env.APOLLO_TELEMETRY_DISABLED = 'true';
}

/** Usage and schema reporting off, whatever APOLLO_KEY, APOLLO_GRAPH_REF or APOLLO_SCHEMA_REPORTING say. */
export function apolloReportingDisabled(): ApolloServerPlugin<BaseContext>[] {
  return [ApolloServerPluginUsageReportingDisabled(), ApolloServerPluginSchemaReportingDisabled()];
}
