/** An operation of the contract whose handler is being written; answers 500 until then. */
export function notBuilt(operationId: string): () => Promise<never> {
  return () => Promise.reject(new Error(`${operationId} is not built yet.`));
}
