import type { ItemState, ProfileInput } from "../backend";

// Every TanStack Query key of the app, in one place so that invalidation matches.
export const queryKeys = {
  profiles: () => ["profiles"] as const,
  checkProfile: (input: ProfileInput) => ["checkProfile", input] as const,
  buckets: (profileId: string) => ["buckets", profileId] as const,
  bucketUsage: (profileId: string, bucket: string) => ["bucketUsage", profileId, bucket] as const,
  checkBucketName: (name: string) => ["checkBucketName", name] as const,
  /** The buckets (and folders) a profile opens by name: its bookmarks. */
  bookmarks: (profileId: string) => ["bookmarks", profileId] as const,
  /** The AWS CLI's profiles (~/.aws), read for the import dialog. */
  awsProfiles: () => ["awsProfiles"] as const,
  /** All listings of one bucket (every prefix). */
  objectsOfBucket: (profileId: string, bucket: string) => ["objects", profileId, bucket] as const,
  objects: (profileId: string, bucket: string, prefix: string) => ["objects", profileId, bucket, prefix] as const,
  head: (profileId: string, bucket: string, key: string) => ["head", profileId, bucket, key] as const,
  /** Every object's details read in one bucket. */
  headsOfBucket: (profileId: string, bucket: string) => ["head", profileId, bucket] as const,
  /** The folders of one level, for the copy dialog's folder list (first page only). */
  folderPicker: (profileId: string, bucket: string, prefix: string) => ["folderPicker", profileId, bucket, prefix] as const,
  /** Everything read from one bucket's configuration (one key per sub-resource under it). */
  bucketSettings: (profileId: string, bucket: string) => ["bucketSettings", profileId, bucket] as const,
  bucketVersioning: (profileId: string, bucket: string) => ["bucketSettings", profileId, bucket, "versioning"] as const,
  /** The multipart uploads in progress in a bucket (pages, with both markers). */
  multipartUploads: (profileId: string, bucket: string) => ["multipartUploads", profileId, bucket] as const,
  /** The parts of one multipart upload (pages). */
  uploadParts: (profileId: string, bucket: string, key: string, uploadId: string) =>
    ["uploadParts", profileId, bucket, key, uploadId] as const,
  /** Which of a bucket's multipart uploads this app started (and can resume). */
  resumableUploads: (profileId: string, bucket: string) => ["resumableUploads", profileId, bucket] as const,
  topics: (profileId: string) => ["topics", profileId] as const,
  /** The original of an image object, as the image panel shows it. */
  imageOriginal: (profileId: string, bucket: string, key: string, versionId: string | null) =>
    ["image", profileId, bucket, key, versionId, "original"] as const,
  /** A pipeline's result on one image object, by canonical pipeline and engine. */
  imageRender: (profileId: string, bucket: string, key: string, versionId: string | null, pipeline: string, engine: string) =>
    ["image", profileId, bucket, key, versionId, "render", pipeline, engine] as const,
  /** What the image panel has seen of a profile's server (it processes images, or not). */
  imageServer: (profileId: string) => ["imageServer", profileId] as const,
  /** The canonical text of a typed pipeline (an image watermark's own). */
  imagePrint: (pipeline: unknown) => ["imagePrint", pipeline] as const,
  /** Every page of one transfer's files. */
  transferItemsOf: (id: number) => ["transferItems", id] as const,
  /** A page of a transfer's files. */
  transferItems: (id: number, only: ItemState | null, offset: number) => ["transferItems", id, only, offset] as const,
  transferSettings: () => ["transferSettings"] as const,
};
