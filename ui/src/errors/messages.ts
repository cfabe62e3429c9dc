import type { ErrorCode } from "../backend";
import type { Locale } from "../i18n/locale";

type Sentences = Record<Locale, string>;

/** For a code outside ErrorCode (the server's own, shown beside it). */
export const GENERIC_ERROR: Sentences = {
  en: "The operation failed.",
  "zh-CN": "操作失败。",
};

/**
 * One sentence per ErrorCode (generated from Rust) in each language: a code Rust adds fails
 * `tsc` here until it has its sentences.
 */
export const ERROR_SENTENCES: Record<ErrorCode, Record<Locale, string>> = {
  InvalidTag: {
    en: "The server refused the tags: too many, or a key or value too long (keys up to 128 bytes, values up to 256).",
    "zh-CN": "服务器拒绝了这些标签：数量过多，或键、值过长（键最多 128 字节，值最多 256 字节）。",
  },
  ServerSideEncryptionConfigurationNotFoundError: {
    en: "This bucket has no default encryption.",
    "zh-CN": "此存储桶未设置默认加密。",
  },
  NoSuchObjectLockConfiguration: {
    en: "This object has no object-lock setting.",
    "zh-CN": "此对象没有对象锁定设置。",
  },
  EncryptedWithCustomerKey: {
    en: "This object is encrypted with a customer key (SSE-C). Enter the key to read it.",
    "zh-CN": "此对象使用客户提供的密钥（SSE-C）加密。请输入密钥以读取。",
  },
  CustomerKeyMismatch: {
    en: "This key does not match: the object is encrypted with a different customer key (SSE-C).",
    "zh-CN": "密钥不匹配：此对象使用另一个客户密钥（SSE-C）加密。",
  },
  ObjectLocked: {
    en: "This version is locked (object lock): it cannot be deleted or changed now.",
    "zh-CN": "此版本已被锁定（对象锁定），目前无法删除或修改。",
  },
  UnsupportedByServer: {
    en: "This server does not support this setting, so it cannot be changed here.",
    "zh-CN": "此服务器不支持该设置，因此无法在此修改。",
  },
  UnsafeRequestRefused: {
    en: "Not sent: this server has not shown that it understands this delete, and some servers would delete the whole bucket instead.",
    "zh-CN": "未发送：此服务器尚未表明它能识别该删除请求，有些服务器会因此误删整个存储桶。",
  },
  InvalidArgument: {
    en: "The request contained an invalid argument.",
    "zh-CN": "请求中包含无效的参数。",
  },
  InvalidDigest: {
    en: "The checksum (Content-MD5) sent with the upload is not valid.",
    "zh-CN": "上传时提供的校验值（Content-MD5）无效。",
  },
  BadDigest: {
    en: "The uploaded data does not match its checksum; it may have been damaged on the way. Try again.",
    "zh-CN": "上传的数据与校验值不符，可能在传输中损坏，请重试。",
  },
  InvalidBucketName: {
    en: "This bucket name is not allowed.",
    "zh-CN": "存储桶名称不合法。",
  },
  InvalidObjectName: {
    en: "This object name is not allowed.",
    "zh-CN": "对象名称不合法。",
  },
  InvalidPart: {
    en: "A part of the multipart upload could not be found. Start the upload again.",
    "zh-CN": "分段上传中的某个分段不存在，请重新上传。",
  },
  InvalidPartOrder: {
    en: "The parts of the multipart upload were not in ascending order. Start the upload again.",
    "zh-CN": "分段上传的分段未按升序排列，请重新上传。",
  },
  RequestTimeout: {
    en: "The server stopped waiting for data from this computer. Check the network and try again.",
    "zh-CN": "服务器等待本机发送数据超时，请检查网络后重试。",
  },
  EntityTooLarge: {
    en: "The object is larger than the server allows.",
    "zh-CN": "对象大小超过了服务器允许的上限。",
  },
  AccessDenied: {
    en: "Access denied: this profile's keys are not allowed to do this.",
    "zh-CN": "访问被拒绝：此配置的密钥无权执行该操作。",
  },
  UserSuspended: {
    en: "The account of these keys is suspended. Contact the storage administrator.",
    "zh-CN": "该密钥所属的账户已被停用，请联系存储管理员。",
  },
  RequestTimeTooSkewed: {
    en: "This computer's clock differs too much from the server's. Correct the system time and try again.",
    "zh-CN": "本机时钟与服务器相差过大，请校正系统时间后重试。",
  },
  NoSuchKey: {
    en: "The object does not exist. It may have been deleted; refresh the list.",
    "zh-CN": "对象不存在，可能已被删除，请刷新列表。",
  },
  NoSuchBucket: {
    en: "The bucket does not exist. It may have been deleted; refresh the bucket list.",
    "zh-CN": "存储桶不存在，可能已被删除，请刷新存储桶列表。",
  },
  NoSuchUpload: {
    en: "The multipart upload no longer exists on the server; it was aborted or already completed.",
    "zh-CN": "该分段上传在服务器上已不存在，可能已被中止或已完成。",
  },
  MethodNotAllowed: {
    en: "The server does not allow this operation here.",
    "zh-CN": "服务器不允许在此执行该操作。",
  },
  BucketAlreadyExists: {
    en: "A bucket with this name already exists. Bucket names are shared by all users; choose another name.",
    "zh-CN": "已存在同名存储桶。存储桶名称在所有用户间唯一，请换一个名称。",
  },
  BucketNotEmpty: {
    en: "The bucket is not empty. Delete all of its objects first, then delete the bucket.",
    "zh-CN": "存储桶不为空。请先删除其中的所有对象，再删除存储桶。",
  },
  MissingContentLength: {
    en: "The upload was sent without its length. Try again.",
    "zh-CN": "上传请求缺少内容长度，请重试。",
  },
  PreconditionFailed: {
    en: "The object changed on the server in the meantime (a precondition failed).",
    "zh-CN": "对象在此期间已在服务器上被更改（前置条件不满足）。",
  },
  InvalidRange: {
    en: "The requested byte range lies outside the object.",
    "zh-CN": "请求的字节范围超出了对象大小。",
  },
  UnprocessableEntity: {
    en: "The server could not process the request.",
    "zh-CN": "服务器无法处理该请求。",
  },
  InternalError: {
    en: "The server had an internal error. Try again later; if it persists, give the request ID to the administrator.",
    "zh-CN": "服务器内部错误。请稍后重试；如果持续出现，请将请求 ID 提供给管理员。",
  },
  BucketAlreadyOwnedByYou: {
    en: "You already own a bucket with this name.",
    "zh-CN": "您已拥有同名的存储桶。",
  },
  NoSuchEncryptionSetError: {
    en: "No encryption is configured for this bucket.",
    "zh-CN": "该存储桶未配置加密。",
  },
  InvalidAccessKeyId: {
    en: "The server does not know this access key ID. Check the profile's access key.",
    "zh-CN": "服务器不认识此访问密钥 ID，请检查配置中的访问密钥。",
  },
  SignatureDoesNotMatch: {
    en: "The secret key does not match the access key. Check the profile's secret key.",
    "zh-CN": "签名不匹配：私有访问密钥与访问密钥 ID 不对应，请检查配置。",
  },
  PermanentRedirect: {
    en: "The bucket must be reached through another endpoint (the server answered with a permanent redirect). Check the profile's endpoint and region.",
    "zh-CN": "该存储桶须通过另一个端点访问（服务器返回了永久重定向）。请检查配置的端点和区域。",
  },
  Conflict: {
    en: "The request conflicts with the current state of the resource. Try again in a moment.",
    "zh-CN": "请求与资源的当前状态冲突，请稍后重试。",
  },
  ServiceUnavailable: {
    en: "The server is temporarily unavailable. Try again later.",
    "zh-CN": "服务器暂时不可用，请稍后重试。",
  },
  SlowDown: {
    en: "The server asks to slow down: too many requests. Wait a moment, then try again.",
    "zh-CN": "请求过于频繁，服务器要求降低速度。请稍候再试。",
  },
  NotImplemented: {
    en: "The server does not support this operation.",
    "zh-CN": "服务器不支持此操作。",
  },
  InvalidRequest: {
    en: "The server refused the request as invalid.",
    "zh-CN": "服务器认为该请求无效，已拒绝。",
  },
  MalformedXML: {
    en: "The server could not read the configuration that was sent (malformed XML).",
    "zh-CN": "服务器无法解析所发送的配置（XML 格式错误）。",
  },
  MalformedPolicy: {
    en: "The policy is not valid.",
    "zh-CN": "策略内容无效。",
  },
  EntityTooSmall: {
    en: "A part of the upload is smaller than the server allows.",
    "zh-CN": "上传的某个分段小于服务器允许的最小值。",
  },
  XAmzContentSHA256Mismatch: {
    en: "The uploaded data does not match its SHA-256 checksum; it may have been damaged on the way. Try again.",
    "zh-CN": "上传的数据与其 SHA-256 校验值不符，可能在传输中损坏，请重试。",
  },
  PositionNotEqualToLength: {
    en: "The append position does not match the object's length: the appendable object changed in the meantime.",
    "zh-CN": "追加位置与对象长度不一致：该追加对象在此期间已被修改。",
  },
  NoSuchVersion: {
    en: "This version of the object does not exist.",
    "zh-CN": "对象的该版本不存在。",
  },
  InvalidStorageClass: {
    en: "The server does not know this storage class.",
    "zh-CN": "服务器不支持该存储类型。",
  },
  QuotaExceeded: {
    en: "The account's storage quota is used up.",
    "zh-CN": "账户的存储配额已用完。",
  },
  TooManyBuckets: {
    en: "The account cannot have more buckets.",
    "zh-CN": "该账户的存储桶数量已达上限。",
  },
  InvalidBucketState: {
    en: "The bucket's current state does not allow this (for example its versioning or object lock).",
    "zh-CN": "存储桶的当前状态不允许此操作（例如其版本控制或对象锁定设置）。",
  },
  OperationAborted: {
    en: "Another operation on this bucket is in progress. Try again in a moment.",
    "zh-CN": "该存储桶上正在进行另一项操作，请稍后重试。",
  },
  NoSuchBucketPolicy: {
    en: "The bucket has no policy.",
    "zh-CN": "该存储桶没有策略。",
  },
  NoSuchCORSConfiguration: {
    en: "The bucket has no CORS configuration.",
    "zh-CN": "该存储桶没有 CORS 配置。",
  },
  NoSuchLifecycleConfiguration: {
    en: "The bucket has no lifecycle rules.",
    "zh-CN": "该存储桶没有生命周期规则。",
  },
  NoSuchWebsiteConfiguration: {
    en: "The bucket has no website configuration.",
    "zh-CN": "该存储桶没有静态网站配置。",
  },
  NoSuchTagSet: {
    en: "No tags are set.",
    "zh-CN": "未设置标签。",
  },
  ObjectLockConfigurationNotFoundError: {
    en: "The bucket has no object lock configuration.",
    "zh-CN": "该存储桶没有对象锁定配置。",
  },
  ConnectFailed: {
    en: "Could not connect to the server. Check the endpoint URL and the network.",
    "zh-CN": "无法连接到服务器，请检查端点地址和网络。",
  },
  TlsError: {
    en: "The secure (TLS) connection failed. Check the server's certificate and whether the endpoint should be http or https.",
    "zh-CN": "安全连接（TLS）失败。请检查服务器证书，并确认端点应使用 http 还是 https。",
  },
  TlsUntrusted: {
    en: "The server's certificate is not trusted: it is not signed by a certificate authority this computer knows. If your organization uses its own CA, choose its certificate file under Advanced in this profile.",
    "zh-CN": "服务器证书不受信任：它不是由本机认可的证书颁发机构（CA）签发的。如果贵单位使用自己的 CA，请在此配置的“高级”中选择该 CA 的证书文件。",
  },
  TlsWrongHost: {
    en: "The server's certificate is for a different host name than the endpoint's. Check the endpoint's host name (use the name the certificate was issued for).",
    "zh-CN": "服务器证书所属的主机名与端点的主机名不一致。请检查端点的主机名（应使用证书签发时的名称）。",
  },
  TlsExpired: {
    en: "The server's certificate has expired (or is not valid yet). Ask the server's administrator to renew it, and check this computer's date and time.",
    "zh-CN": "服务器证书已过期（或尚未生效）。请联系服务器管理员更新证书，并检查本机的日期和时间。",
  },
  CertificateFileInvalid: {
    en: "This file is not a certificate that can be trusted. Choose the CA certificate in PEM format (text beginning with -----BEGIN CERTIFICATE-----).",
    "zh-CN": "此文件不是可信任的证书。请选择 PEM 格式的 CA 证书（以 -----BEGIN CERTIFICATE----- 开头的文本）。",
  },
  ProxyFailed: {
    en: "The proxy could not connect to the server, or could not be reached. Check the proxy address and whether it may reach the endpoint.",
    "zh-CN": "代理无法连接到服务器，或代理本身无法访问。请检查代理地址，以及它是否允许访问该端点。",
  },
  ProxyAuthRequired: {
    en: "The proxy asks for a user name and password, or refused the ones given. Check them under Advanced in this profile.",
    "zh-CN": "代理要求用户名和密码，或拒绝了所填写的用户名和密码。请在此配置的“高级”中检查。",
  },
  Timeout: {
    en: "The server did not answer in time. Try again.",
    "zh-CN": "服务器响应超时，请重试。",
  },
  InvalidEndpoint: {
    en: "The endpoint is not a valid http:// or https:// URL.",
    "zh-CN": "端点地址不是有效的 http:// 或 https:// 地址。",
  },
  InvalidInput: {
    en: "Some of the input is not valid.",
    "zh-CN": "部分输入内容无效。",
  },
  ObjectExists: {
    en: "An object with this name already exists.",
    "zh-CN": "同名对象已存在。",
  },
  LocalFileExists: {
    en: "A local file is in the way: a file with this name already exists where the download goes.",
    "zh-CN": "本地已有同名文件，下载无法保存到该位置。",
  },
  SourceChanged: {
    en: "The local file changed after it was queued, so it was not sent. Retry sends it again from the start.",
    "zh-CN": "本地文件在加入队列后被修改，因此未上传。重试会从头重新上传。",
  },
  ObjectChanged: {
    en: "The object was replaced on the server during the download. Retry downloads the new version.",
    "zh-CN": "下载过程中服务器上的对象已被替换。重试将下载新版本。",
  },
  ChecksumMismatch: {
    en: "The bytes received do not match the object's size or MD5 checksum; nothing was saved. Try again.",
    "zh-CN": "收到的数据与对象的大小或 MD5 校验值不符，未保存任何内容，请重试。",
  },
  KeyringError: {
    en: "The system keyring could not store or read the secret key.",
    "zh-CN": "系统密钥环无法保存或读取私有访问密钥。",
  },
  ProfileNotFound: {
    en: "This profile no longer exists.",
    "zh-CN": "该配置已不存在。",
  },
  LocalFileNotChosen: {
    en: "The local file was not chosen in this app's file dialog, so it cannot be used. Choose it again.",
    "zh-CN": "该本地文件不是通过本应用的文件对话框选择的，无法使用，请重新选择。",
  },
  Io: {
    en: "A local file could not be read or written.",
    "zh-CN": "无法读取或写入本地文件。",
  },
  Unknown: {
    en: "Something unexpected went wrong.",
    "zh-CN": "发生了意外错误。",
  },
};

/** Whether `code` is one of ErrorCode (the table's keys are the list). */
export function isErrorCode(code: string): code is ErrorCode {
  return Object.prototype.hasOwnProperty.call(ERROR_SENTENCES, code);
}
