/**
 * The lesson presets, in course order. Only the ids live here (no imports), so the URL codec can
 * validate `lesson=` without pulling in the lesson texts; the presets themselves are in lessons.ts.
 */
export const LESSON_IDS = [
  'lenet-then-and-now',
  'going-deeper',
  'why-resnet',
  'inception-cost',
  'transfer-little-data',
  'augmentation',
  'keras-workflow',
] as const;

export type LessonId = (typeof LESSON_IDS)[number];
