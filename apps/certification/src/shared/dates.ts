// Business dates are Asia/Shanghai calendar days (ARCHITECTURE §6); a command's time is its metadata.now.
import { shanghaiDate } from '@jineng/kernel';

export const todayOf = (metadata: { readonly now: string }): string => shanghaiDate(new Date(metadata.now));
