export async function measureActivation(_root: string, _runs: number): Promise<never[]> {
  return [];
}
