import {
  ForbiddenException,
  Inject,
  Injectable,
  NotFoundException,
  UnsupportedMediaTypeException,
} from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { createHash, randomUUID } from 'node:crypto';
import type { Readable } from 'node:stream';
import { DataSource, Repository } from 'typeorm';
import { AuthUser, actorOf } from '@cchc/auth';
import { Clock } from '@cchc/common';
import { EvidenceFileEntity } from '@cchc/database';
import { contentDisposition } from '@cchc/dossiers';
import { AuditLog } from '@cchc/engine';
import { TaskService } from '@cchc/tasks';
import { cleanFileName } from './evidence-file-name';
import { EVIDENCE_STORAGE, EvidenceStorage } from './evidence-storage';
import { ACCEPTED_EVIDENCE_KINDS, EVIDENCE_MEDIA_TYPES, sniffEvidenceKind } from './evidence-type';

/** Largest evidence file (the multipart limit of the upload). */
export const EVIDENCE_MAX_BYTES = 20 * 1024 * 1024;

export interface EvidenceUpload {
  /** The name on the uploader's machine, as UTF-8. */
  fileName: string;
  data: Buffer;
}

export interface EvidenceView {
  id: string;
  /** Null for a file of the ward (uploadForWard). */
  taskId: string | null;
  name: string;
  mediaType: string;
  size: number;
  sha256: string;
  uploadedBy: string;
  uploadedAt: Date;
}

/** An evidence file opened for download. */
export interface EvidenceDownload {
  content: Readable;
  contentType: string;
  contentDisposition: string;
  size: number;
}

/**
 * Evidence files of task reports, and of the ward (targets' values, PAR-Index scores). Who may attach one is who may report on the task now (the
 * machine's role rules: SUBMIT_REPORT among the allowed events); anyone of the ward may read.
 */
@Injectable()
export class EvidenceService {
  constructor(
    @InjectRepository(EvidenceFileEntity) private readonly files: Repository<EvidenceFileEntity>,
    @Inject(EVIDENCE_STORAGE) private readonly storage: EvidenceStorage,
    private readonly tasks: TaskService,
    private readonly dataSource: DataSource,
    private readonly clock: Clock,
  ) {}

  async upload(user: AuthUser, taskId: string, upload: EvidenceUpload): Promise<EvidenceView> {
    const task = await this.tasks.get(user, taskId);
    if (!task.allowedEvents?.includes('SUBMIT_REPORT')) {
      throw new ForbiddenException(
        'Chỉ cán bộ hoặc lãnh đạo đơn vị chủ trì được đính kèm minh chứng, khi nhiệm vụ đang ' +
          `thực hiện hoặc quá hạn (hiện tại: ${task.stateLabel})`,
      );
    }
    return this.store(user, taskId, upload);
  }

  /**
   * A file of the ward, not of a task's report: the evidence of a target's value or of a PAR-Index
   * self-score (who may name it there is decided where it is named).
   */
  uploadForWard(user: AuthUser, upload: EvidenceUpload): Promise<EvidenceView> {
    return this.store(user, null, upload);
  }

  private async store(
    user: AuthUser,
    taskId: string | null,
    upload: EvidenceUpload,
  ): Promise<EvidenceView> {
    const kind = await sniffEvidenceKind(upload.data);
    if (!kind) {
      throw new UnsupportedMediaTypeException(
        `file: nội dung tệp không phải ${ACCEPTED_EVIDENCE_KINDS}; ` +
          `chỉ nhận các loại tệp này (kiểm tra theo nội dung, không theo tên tệp)`,
      );
    }
    const sha256 = createHash('sha256').update(upload.data).digest('hex');
    // Stored before the row: a failed insert leaves bytes no row names, never a row without bytes.
    await this.storage.put(sha256, upload.data);
    const file: EvidenceFileEntity = {
      id: randomUUID(),
      wardId: user.wardId,
      taskId,
      sha256,
      size: upload.data.length,
      mediaType: EVIDENCE_MEDIA_TYPES[kind],
      originalName: cleanFileName(upload.fileName, kind),
      uploadedBy: user.id,
      uploadedAt: this.clock.now(),
    };
    await this.dataSource.transaction(async (manager) => {
      await manager.insert(EvidenceFileEntity, file);
      await AuditLog.append(manager, {
        instanceType: 'evidence',
        instanceId: file.id,
        wardId: file.wardId,
        eventType: 'EVIDENCE_ADDED',
        fromState: null,
        toState: 'stored',
        actor: actorOf(user),
        reason: null,
        payload: {
          taskId,
          name: file.originalName,
          sha256,
          size: file.size,
          mediaType: file.mediaType,
        },
        occurredAt: file.uploadedAt,
      });
    });
    return toEvidenceView(file);
  }

  async list(user: AuthUser, taskId: string): Promise<EvidenceView[]> {
    await this.tasks.get(user, taskId);
    const files = await this.files.find({
      where: { taskId, wardId: user.wardId },
      order: { uploadedAt: 'ASC', id: 'ASC' },
    });
    return files.map(toEvidenceView);
  }

  async open(user: AuthUser, id: string): Promise<EvidenceDownload> {
    const file = await this.files.findOne({ where: { id, wardId: user.wardId } });
    if (!file) throw new NotFoundException(`Không tìm thấy tệp minh chứng ${id}`);
    return {
      content: await this.storage.get(file.sha256),
      contentType: file.mediaType,
      contentDisposition: contentDisposition(file.originalName),
      size: file.size,
    };
  }
}

function toEvidenceView(file: EvidenceFileEntity): EvidenceView {
  return {
    id: file.id,
    taskId: file.taskId,
    name: file.originalName,
    mediaType: file.mediaType,
    size: file.size,
    sha256: file.sha256,
    uploadedBy: file.uploadedBy,
    uploadedAt: file.uploadedAt,
  };
}
