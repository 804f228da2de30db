/** Every table: InnoDB (transactions, row locks) and utf8mb4, so Vietnamese text is stored whole. */
export const TABLE_OPTIONS = 'ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci';
