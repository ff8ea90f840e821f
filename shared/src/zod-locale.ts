import { z } from 'zod';

// Every validation message the product shows is Russian, including zod's own.
z.config(z.locales.ru());
