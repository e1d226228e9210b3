/** The GraphQL facade: a schema generated from the SHACL shapes, served by graphql-yoga. */
export { createGraphqlYoga, type CreateGraphqlYogaOptions, type GraphqlYoga } from './createGraphqlYoga.js';
export {
  createGraphqlSchema,
  loadGraphqlModel,
  printGraphqlSchema,
  type CreateGraphqlSchemaOptions,
  type GraphqlSourceOptions,
} from './createGraphqlSchema.js';
export { defaultGraphqlLimits, type GraphqlLimits } from './limits.js';
