/** The longest delivery name the API takes (`name` in the delivery options). */
export const NAME_MAX_LENGTH = 200;

export function nameProblem(name: string): string | null {
  const length = name.trim().length;
  return length > NAME_MAX_LENGTH
    ? `Name: at most ${NAME_MAX_LENGTH} characters (this one has ${length}); shorten it`
    : null;
}
