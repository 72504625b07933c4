import { z } from 'zod';

export const IdParamsSchema = z.object({
  id: z.coerce.number().int('Идентификатор — целое число').min(1).max(2_147_483_647),
});
