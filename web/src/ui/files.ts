/** The file's bytes as base64, read in the browser (the API takes uploaded files in the JSON body). */
export function readAsBase64(file: File): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result).replace(/^data:[^,]*,/, ''));
    reader.onerror = () => reject(reader.error ?? new Error('read failed'));
    reader.readAsDataURL(file);
  });
}

export const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;
