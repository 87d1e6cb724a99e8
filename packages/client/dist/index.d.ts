import { TRPCClientError, createTRPCClient } from "@trpc/client";
import { z } from "zod";
import * as _$_trpc_server0 from "@trpc/server";
import { inferRouterInputs, inferRouterOutputs } from "@trpc/server";
import * as _$_trpc_server_unstable_core_do_not_import0 from "@trpc/server/unstable-core-do-not-import";

//#region ../../src/lib/schemas/career.d.ts
/** A stored career item (a row of `career_items`). */
declare const careerItemSchema: z.ZodObject<{
  id: z.ZodString;
  section: z.ZodString;
  position: z.ZodNumber;
  sourcePath: z.ZodNullable<z.ZodString>;
  data: z.ZodRecord<z.ZodString, z.ZodUnknown>;
}, z.core.$strip>;
type CareerItem = z.infer<typeof careerItemSchema>;
/** A stored claim (a row of `claims`). */
declare const claimSchema: z.ZodObject<{
  id: z.ZodString;
  kind: z.ZodEnum<{
    summary: "summary";
    highlight: "highlight";
    skill: "skill";
    degree: "degree";
    course: "course";
    certificate: "certificate";
    award: "award";
    project: "project";
    publication: "publication";
    language: "language";
    other: "other";
  }>;
  text: z.ZodString;
  sourcePath: z.ZodNullable<z.ZodString>;
  skills: z.ZodArray<z.ZodString>;
  itemId: z.ZodNullable<z.ZodString>;
}, z.core.$strip>;
type Claim = z.infer<typeof claimSchema>;
//#endregion
//#region ../../src/lib/schemas/jobs.d.ts
/**
 * Background jobs as the server stores them and every client reads them: statuses, phases and the
 * events of `job_events` (SPEC §4, §5). Browser-safe.
 */
declare const jobTypes: readonly ["resume", "opportunity", "tailor"];
declare const jobStatuses: readonly ["pending", "processing", "completed", "failed", "cancelled"];
type JobType = (typeof jobTypes)[number];
type JobStatus = (typeof jobStatuses)[number];
type StatusPayload = {
  status: JobStatus; /** The attempt that claimed the job, and the process running it (`host:pid`). */
  attempt?: number;
  worker?: string; /** An attempt failed with `error` and the job will be retried. */
  retrying?: boolean;
  error?: string; /** What a completed job made (the pipeline's summary). */
  summary?: Record<string, unknown>;
};
type PhasePayload = {
  phase: string;
  ticker?: string[];
};
type HighlightPayload = {
  text: string;
};
type StepPayload = {
  name: string;
  phase: string;
  durationMs: number;
};
type PayloadKey = keyof (StatusPayload & PhasePayload & HighlightPayload & StepPayload);
/** A payload that has none of the other kinds' fields, so any event's `payload.status` reads. */
type Only<P> = P & { [K in Exclude<PayloadKey, keyof P>]?: never };
/** The `type` and `payload` of each kind of event. */
type JobEventData = {
  type: 'status';
  payload: Only<StatusPayload>;
} | {
  type: 'phase';
  payload: Only<PhasePayload>;
} | {
  type: 'highlight';
  payload: Only<HighlightPayload>;
} | {
  type: 'step';
  payload: Only<StepPayload>;
};
/** One `job_events` row: what the progress stream carries and replays. */
type JobEvent = JobEventData & {
  id: number;
  jobId: string;
  createdAt: string;
};
//#endregion
//#region ../../src/lib/schemas/profile.d.ts
declare const tailoredProfileSchema: z.ZodObject<{
  opportunity: z.ZodObject<{
    title: z.ZodString;
    company: z.ZodNullable<z.ZodString>;
  }, z.core.$strip>;
  talkingPoints: z.ZodArray<z.ZodObject<{
    requirement: z.ZodString;
    kind: z.ZodEnum<{
      required: "required";
      preferred: "preferred";
    }>;
    point: z.ZodString;
    evidence: z.ZodArray<z.ZodObject<{
      claimId: z.ZodString;
      sourcePath: z.ZodNullable<z.ZodString>;
      text: z.ZodString;
    }, z.core.$strip>>;
    strength: z.ZodNumber;
  }, z.core.$strip>>;
  narrative: z.ZodString;
  narrativeSentences: z.ZodArray<z.ZodObject<{
    text: z.ZodString;
    claimIds: z.ZodArray<z.ZodString>;
  }, z.core.$strip>>;
  resume: z.ZodObject<{
    basics: z.ZodOptional<z.ZodObject<{}, z.core.$loose>>;
    work: z.ZodOptional<z.ZodArray<z.ZodObject<{
      highlights: z.ZodOptional<z.ZodArray<z.ZodString>>;
      highlightClaimIds: z.ZodOptional<z.ZodArray<z.ZodArray<z.ZodString>>>;
    }, z.core.$loose>>>;
    volunteer: z.ZodOptional<z.ZodArray<z.ZodObject<{
      highlights: z.ZodOptional<z.ZodArray<z.ZodString>>;
      highlightClaimIds: z.ZodOptional<z.ZodArray<z.ZodArray<z.ZodString>>>;
    }, z.core.$loose>>>;
    education: z.ZodOptional<z.ZodArray<z.ZodObject<{}, z.core.$loose>>>;
    awards: z.ZodOptional<z.ZodArray<z.ZodObject<{}, z.core.$loose>>>;
    certificates: z.ZodOptional<z.ZodArray<z.ZodObject<{}, z.core.$loose>>>;
    publications: z.ZodOptional<z.ZodArray<z.ZodObject<{}, z.core.$loose>>>;
    skills: z.ZodOptional<z.ZodArray<z.ZodObject<{
      keywords: z.ZodOptional<z.ZodArray<z.ZodString>>;
    }, z.core.$loose>>>;
    languages: z.ZodOptional<z.ZodArray<z.ZodObject<{}, z.core.$loose>>>;
    interests: z.ZodOptional<z.ZodArray<z.ZodObject<{}, z.core.$loose>>>;
    references: z.ZodOptional<z.ZodArray<z.ZodObject<{}, z.core.$loose>>>;
    projects: z.ZodOptional<z.ZodArray<z.ZodObject<{
      highlights: z.ZodOptional<z.ZodArray<z.ZodString>>;
      highlightClaimIds: z.ZodOptional<z.ZodArray<z.ZodArray<z.ZodString>>>;
    }, z.core.$loose>>>;
  }, z.core.$loose>;
  evaluation: z.ZodObject<{
    passed: z.ZodBoolean;
    grounding: z.ZodObject<{
      passed: z.ZodBoolean;
      hallucinations: z.ZodArray<z.ZodObject<{
        text: z.ZodString;
        reason: z.ZodString;
        origin: z.ZodOptional<z.ZodEnum<{
          generated: "generated";
          edit: "edit";
        }>>;
      }, z.core.$strip>>;
    }, z.core.$strip>;
    utilization: z.ZodObject<{
      missed: z.ZodArray<z.ZodObject<{
        claimId: z.ZodString;
        sourcePath: z.ZodNullable<z.ZodString>;
        text: z.ZodString;
      }, z.core.$strip>>;
    }, z.core.$strip>;
    gaps: z.ZodArray<z.ZodObject<{
      requirement: z.ZodString;
      kind: z.ZodEnum<{
        required: "required";
        preferred: "preferred";
      }>;
    }, z.core.$strip>>;
    model: z.ZodString;
    costCents: z.ZodNumber;
  }, z.core.$strip>;
  matchScore: z.ZodNumber;
  engine: z.ZodEnum<{
    local: "local";
    openai: "openai";
  }>;
}, z.core.$strip>;
type TailoredProfile = z.infer<typeof tailoredProfileSchema>;
//#endregion
//#region ../../src/lib/schemas/views.d.ts
/**
 * What the API returns, as plain shapes: the public API's types are built from these and from the
 * other schemas here, never from the database or server modules, so a client's types stand alone.
 * Browser-safe: no server imports.
 */
/** Who is asking: a signed-in user (browser session or API key), or nobody. */
type ApiUser = {
  id: string;
  email: string;
  name: string;
};
type AuthMethod = 'session' | 'apiKey';
/** One problem with an input: an RFC 6901 pointer to the value at fault and what is wrong. */
type Issue = {
  path: string;
  message: string;
};
/** The career record: its entries (roles, degrees, …) and the atomic facts under them. */
type CareerRecord = {
  items: CareerItem[];
  claims: Claim[];
};
/** A background job as its owner sees it (the input, which may be a whole resume, is left out). */
type JobView = {
  id: string;
  type: JobType;
  status: JobStatus;
  phase: string | null;
  highlights: string[];
  error: string | null; /** What the finished job made: e.g. `profileId`, `opportunityId`, `title`, `shareToken`. */
  summary: Record<string, unknown> | null;
  opportunityId: string | null;
  profileId: string | null;
  attempt: number;
  cancelRequested: boolean;
  createdAt: Date;
  startedAt: Date | null;
  completedAt: Date | null;
};
/** A stored profile as the API returns it: SPEC §6's TailoredProfile plus its identity and edits. */
type ProfileView = TailoredProfile & {
  id: string;
  opportunityId: string;
  editedFields: string[];
  model: string; /** The version shown (the current one unless an earlier version was asked for). */
  version: number;
  generatedAt: Date; /** Some claim it cites has left the career record since: "based on an earlier record". */
  recordOutdated: boolean;
  createdAt: Date;
  updatedAt: Date;
};
/** One version of a profile in its history. */
type VersionSummary = {
  version: number;
  current: boolean;
  generatedAt: Date;
  archivedAt: Date | null;
  matchScore: number;
  engine: string;
  model: string;
  edited: boolean;
  grounded: boolean | null;
  recordOutdated: boolean;
};
/** Profiles created this month, tailor jobs still running (each may add one), and the limit. */
type Usage = {
  month: string;
  used: number;
  inProgress: number;
  limit: number;
};
/** An API key as listed: never the key itself. */
type ApiKeySummary = {
  id: string;
  name: string | null; /** The visible start of the key, e.g. `tlr_AbC12…`. */
  start: string | null;
  createdAt: Date;
  lastUsedAt: Date | null;
  revoked: boolean;
};
/** An exported profile as the API returns it: text as it is, a PDF or Word file base64-encoded. */
type ExportedFile = {
  filename: string;
  contentType: string;
  encoding: 'utf-8' | 'base64';
  content: string;
};
/**
 * The running app's services, as the server declares them (by augmenting this interface); to a
 * client it is opaque, so the API's types carry nothing of the server.
 */
interface ApiServices {}
/** What every procedure sees: who is asking and how, and the running app. */
type ApiContext = ApiServices & {
  user: ApiUser | null;
  authMethod: AuthMethod | null;
};
//#endregion
//#region ../../src/lib/server/trpc/router.d.ts
/** The API of SPEC §7, one router per domain. */
declare const appRouter: _$_trpc_server0.TRPCBuiltRouter<{
  ctx: ApiContext;
  meta: object;
  errorShape: {
    message: string;
    data: {
      zodError: {
        formErrors: string[];
        fieldErrors: {};
      } | null;
      issues: Issue[] | null;
      cause: "limit_reached" | null;
      limit: {
        limit: number;
        used: number;
      } | null;
      code: _$_trpc_server0.TRPC_ERROR_CODE_KEY;
      httpStatus: number;
      path?: string;
      stack?: string;
    };
    code: _$_trpc_server0.TRPC_ERROR_CODE_NUMBER;
  };
  transformer: true;
}, _$_trpc_server0.TRPCDecorateCreateRouterOptions<{
  career: _$_trpc_server0.TRPCBuiltRouter<{
    ctx: ApiContext;
    meta: object;
    errorShape: {
      message: string;
      data: {
        zodError: {
          formErrors: string[];
          fieldErrors: {};
        } | null;
        issues: Issue[] | null;
        cause: "limit_reached" | null;
        limit: {
          limit: number;
          used: number;
        } | null;
        code: _$_trpc_server0.TRPC_ERROR_CODE_KEY;
        httpStatus: number;
        path?: string;
        stack?: string;
      };
      code: _$_trpc_server0.TRPC_ERROR_CODE_NUMBER;
    };
    transformer: true;
  }, _$_trpc_server0.TRPCDecorateCreateRouterOptions<{
    importJsonResume: _$_trpc_server0.TRPCMutationProcedure<{
      input: {
        resume: Record<string, unknown>;
      };
      output: {
        items: number;
        claims: number;
      };
      meta: object;
      errorShape: {
        message: string;
        data: {
          zodError: {
            formErrors: string[];
            fieldErrors: {};
          } | null;
          issues: Issue[] | null;
          cause: "limit_reached" | null;
          limit: {
            limit: number;
            used: number;
          } | null;
          code: _$_trpc_server0.TRPC_ERROR_CODE_KEY;
          httpStatus: number;
          path?: string;
          stack?: string;
        };
        code: _$_trpc_server0.TRPC_ERROR_CODE_NUMBER;
      };
    }>;
    importText: _$_trpc_server0.TRPCMutationProcedure<{
      input: {
        text: string;
      };
      output: {
        jobId: string;
      };
      meta: object;
      errorShape: {
        message: string;
        data: {
          zodError: {
            formErrors: string[];
            fieldErrors: {};
          } | null;
          issues: Issue[] | null;
          cause: "limit_reached" | null;
          limit: {
            limit: number;
            used: number;
          } | null;
          code: _$_trpc_server0.TRPC_ERROR_CODE_KEY;
          httpStatus: number;
          path?: string;
          stack?: string;
        };
        code: _$_trpc_server0.TRPC_ERROR_CODE_NUMBER;
      };
    }>;
    get: _$_trpc_server0.TRPCQueryProcedure<{
      input: void;
      output: CareerRecord;
      meta: object;
      errorShape: {
        message: string;
        data: {
          zodError: {
            formErrors: string[];
            fieldErrors: {};
          } | null;
          issues: Issue[] | null;
          cause: "limit_reached" | null;
          limit: {
            limit: number;
            used: number;
          } | null;
          code: _$_trpc_server0.TRPC_ERROR_CODE_KEY;
          httpStatus: number;
          path?: string;
          stack?: string;
        };
        code: _$_trpc_server0.TRPC_ERROR_CODE_NUMBER;
      };
    }>;
    exportJsonResume: _$_trpc_server0.TRPCQueryProcedure<{
      input: void;
      output: {
        [x: string]: unknown;
        basics?: {
          [x: string]: unknown;
        } | undefined;
        work?: {
          [x: string]: unknown;
          highlights?: string[] | undefined;
          highlightClaimIds?: string[][] | undefined;
        }[] | undefined;
        volunteer?: {
          [x: string]: unknown;
          highlights?: string[] | undefined;
          highlightClaimIds?: string[][] | undefined;
        }[] | undefined;
        education?: {
          [x: string]: unknown;
        }[] | undefined;
        awards?: {
          [x: string]: unknown;
        }[] | undefined;
        certificates?: {
          [x: string]: unknown;
        }[] | undefined;
        publications?: {
          [x: string]: unknown;
        }[] | undefined;
        skills?: {
          [x: string]: unknown;
          keywords?: string[] | undefined;
        }[] | undefined;
        languages?: {
          [x: string]: unknown;
        }[] | undefined;
        interests?: {
          [x: string]: unknown;
        }[] | undefined;
        references?: {
          [x: string]: unknown;
        }[] | undefined;
        projects?: {
          [x: string]: unknown;
          highlights?: string[] | undefined;
          highlightClaimIds?: string[][] | undefined;
        }[] | undefined;
      };
      meta: object;
      errorShape: {
        message: string;
        data: {
          zodError: {
            formErrors: string[];
            fieldErrors: {};
          } | null;
          issues: Issue[] | null;
          cause: "limit_reached" | null;
          limit: {
            limit: number;
            used: number;
          } | null;
          code: _$_trpc_server0.TRPC_ERROR_CODE_KEY;
          httpStatus: number;
          path?: string;
          stack?: string;
        };
        code: _$_trpc_server0.TRPC_ERROR_CODE_NUMBER;
      };
    }>;
  }>>;
  claims: _$_trpc_server0.TRPCBuiltRouter<{
    ctx: ApiContext;
    meta: object;
    errorShape: {
      message: string;
      data: {
        zodError: {
          formErrors: string[];
          fieldErrors: {};
        } | null;
        issues: Issue[] | null;
        cause: "limit_reached" | null;
        limit: {
          limit: number;
          used: number;
        } | null;
        code: _$_trpc_server0.TRPC_ERROR_CODE_KEY;
        httpStatus: number;
        path?: string;
        stack?: string;
      };
      code: _$_trpc_server0.TRPC_ERROR_CODE_NUMBER;
    };
    transformer: true;
  }, _$_trpc_server0.TRPCDecorateCreateRouterOptions<{
    create: _$_trpc_server0.TRPCMutationProcedure<{
      input: {
        text: string;
        kind?: "summary" | "highlight" | "skill" | "degree" | "course" | "certificate" | "award" | "project" | "publication" | "language" | "other" | undefined;
        itemId?: string | null | undefined;
      };
      output: {
        id: string;
        kind: "summary" | "highlight" | "skill" | "degree" | "course" | "certificate" | "award" | "project" | "publication" | "language" | "other";
        text: string;
        sourcePath: string | null;
        skills: string[];
        itemId: string | null;
      };
      meta: object;
      errorShape: {
        message: string;
        data: {
          zodError: {
            formErrors: string[];
            fieldErrors: {};
          } | null;
          issues: Issue[] | null;
          cause: "limit_reached" | null;
          limit: {
            limit: number;
            used: number;
          } | null;
          code: _$_trpc_server0.TRPC_ERROR_CODE_KEY;
          httpStatus: number;
          path?: string;
          stack?: string;
        };
        code: _$_trpc_server0.TRPC_ERROR_CODE_NUMBER;
      };
    }>;
    update: _$_trpc_server0.TRPCMutationProcedure<{
      input: {
        id: string;
        text?: string | undefined;
        kind?: "summary" | "highlight" | "skill" | "degree" | "course" | "certificate" | "award" | "project" | "publication" | "language" | "other" | undefined;
      };
      output: {
        id: string;
        kind: "summary" | "highlight" | "skill" | "degree" | "course" | "certificate" | "award" | "project" | "publication" | "language" | "other";
        text: string;
        sourcePath: string | null;
        skills: string[];
        itemId: string | null;
      };
      meta: object;
      errorShape: {
        message: string;
        data: {
          zodError: {
            formErrors: string[];
            fieldErrors: {};
          } | null;
          issues: Issue[] | null;
          cause: "limit_reached" | null;
          limit: {
            limit: number;
            used: number;
          } | null;
          code: _$_trpc_server0.TRPC_ERROR_CODE_KEY;
          httpStatus: number;
          path?: string;
          stack?: string;
        };
        code: _$_trpc_server0.TRPC_ERROR_CODE_NUMBER;
      };
    }>;
    delete: _$_trpc_server0.TRPCMutationProcedure<{
      input: {
        id: string;
      };
      output: {
        id: string;
      };
      meta: object;
      errorShape: {
        message: string;
        data: {
          zodError: {
            formErrors: string[];
            fieldErrors: {};
          } | null;
          issues: Issue[] | null;
          cause: "limit_reached" | null;
          limit: {
            limit: number;
            used: number;
          } | null;
          code: _$_trpc_server0.TRPC_ERROR_CODE_KEY;
          httpStatus: number;
          path?: string;
          stack?: string;
        };
        code: _$_trpc_server0.TRPC_ERROR_CODE_NUMBER;
      };
    }>;
  }>>;
  opportunities: _$_trpc_server0.TRPCBuiltRouter<{
    ctx: ApiContext;
    meta: object;
    errorShape: {
      message: string;
      data: {
        zodError: {
          formErrors: string[];
          fieldErrors: {};
        } | null;
        issues: Issue[] | null;
        cause: "limit_reached" | null;
        limit: {
          limit: number;
          used: number;
        } | null;
        code: _$_trpc_server0.TRPC_ERROR_CODE_KEY;
        httpStatus: number;
        path?: string;
        stack?: string;
      };
      code: _$_trpc_server0.TRPC_ERROR_CODE_NUMBER;
    };
    transformer: true;
  }, _$_trpc_server0.TRPCDecorateCreateRouterOptions<{
    create: _$_trpc_server0.TRPCMutationProcedure<{
      input: {
        description: string;
        title?: string | null | undefined;
        company?: string | null | undefined;
        url?: string | null | undefined;
        idempotencyKey?: string | undefined;
      };
      output: {
        url: string | null;
        description: string;
        id: string;
        createdAt: Date;
        updatedAt: Date;
        userId: string;
        title: string;
        company: string | null;
        requirements: {
          text: string;
          kind: "required" | "preferred";
          skills: string[];
        }[];
      };
      meta: object;
      errorShape: {
        message: string;
        data: {
          zodError: {
            formErrors: string[];
            fieldErrors: {};
          } | null;
          issues: Issue[] | null;
          cause: "limit_reached" | null;
          limit: {
            limit: number;
            used: number;
          } | null;
          code: _$_trpc_server0.TRPC_ERROR_CODE_KEY;
          httpStatus: number;
          path?: string;
          stack?: string;
        };
        code: _$_trpc_server0.TRPC_ERROR_CODE_NUMBER;
      };
    }>;
    list: _$_trpc_server0.TRPCQueryProcedure<{
      input: void;
      output: {
        url: string | null;
        description: string;
        id: string;
        createdAt: Date;
        updatedAt: Date;
        userId: string;
        title: string;
        company: string | null;
        requirements: {
          text: string;
          kind: "required" | "preferred";
          skills: string[];
        }[];
      }[];
      meta: object;
      errorShape: {
        message: string;
        data: {
          zodError: {
            formErrors: string[];
            fieldErrors: {};
          } | null;
          issues: Issue[] | null;
          cause: "limit_reached" | null;
          limit: {
            limit: number;
            used: number;
          } | null;
          code: _$_trpc_server0.TRPC_ERROR_CODE_KEY;
          httpStatus: number;
          path?: string;
          stack?: string;
        };
        code: _$_trpc_server0.TRPC_ERROR_CODE_NUMBER;
      };
    }>;
    get: _$_trpc_server0.TRPCQueryProcedure<{
      input: {
        id: string;
      };
      output: {
        profileId: string | null;
        url: string | null;
        description: string;
        id: string;
        createdAt: Date;
        updatedAt: Date;
        userId: string;
        title: string;
        company: string | null;
        requirements: {
          text: string;
          kind: "required" | "preferred";
          skills: string[];
        }[];
      };
      meta: object;
      errorShape: {
        message: string;
        data: {
          zodError: {
            formErrors: string[];
            fieldErrors: {};
          } | null;
          issues: Issue[] | null;
          cause: "limit_reached" | null;
          limit: {
            limit: number;
            used: number;
          } | null;
          code: _$_trpc_server0.TRPC_ERROR_CODE_KEY;
          httpStatus: number;
          path?: string;
          stack?: string;
        };
        code: _$_trpc_server0.TRPC_ERROR_CODE_NUMBER;
      };
    }>;
    delete: _$_trpc_server0.TRPCMutationProcedure<{
      input: {
        id: string;
      };
      output: {
        id: string;
      };
      meta: object;
      errorShape: {
        message: string;
        data: {
          zodError: {
            formErrors: string[];
            fieldErrors: {};
          } | null;
          issues: Issue[] | null;
          cause: "limit_reached" | null;
          limit: {
            limit: number;
            used: number;
          } | null;
          code: _$_trpc_server0.TRPC_ERROR_CODE_KEY;
          httpStatus: number;
          path?: string;
          stack?: string;
        };
        code: _$_trpc_server0.TRPC_ERROR_CODE_NUMBER;
      };
    }>;
    tailor: _$_trpc_server0.TRPCMutationProcedure<{
      input: {
        opportunityId: string;
        regenerate?: boolean | undefined;
      };
      output: {
        kind: "job";
        jobId: string;
        status: "processing";
      } | {
        notice?: string | undefined;
        profile: ProfileView;
        outdated: boolean;
        kind: "cached";
      };
      meta: object;
      errorShape: {
        message: string;
        data: {
          zodError: {
            formErrors: string[];
            fieldErrors: {};
          } | null;
          issues: Issue[] | null;
          cause: "limit_reached" | null;
          limit: {
            limit: number;
            used: number;
          } | null;
          code: _$_trpc_server0.TRPC_ERROR_CODE_KEY;
          httpStatus: number;
          path?: string;
          stack?: string;
        };
        code: _$_trpc_server0.TRPC_ERROR_CODE_NUMBER;
      };
    }>;
    addAndTailor: _$_trpc_server0.TRPCMutationProcedure<{
      input: {
        opportunity: {
          description: string;
          title?: string | null | undefined;
          company?: string | null | undefined;
          url?: string | null | undefined;
        };
        idempotencyKey?: string | undefined;
      };
      output: {
        opportunityId: string;
        jobId: string;
        status: "processing";
      };
      meta: object;
      errorShape: {
        message: string;
        data: {
          zodError: {
            formErrors: string[];
            fieldErrors: {};
          } | null;
          issues: Issue[] | null;
          cause: "limit_reached" | null;
          limit: {
            limit: number;
            used: number;
          } | null;
          code: _$_trpc_server0.TRPC_ERROR_CODE_KEY;
          httpStatus: number;
          path?: string;
          stack?: string;
        };
        code: _$_trpc_server0.TRPC_ERROR_CODE_NUMBER;
      };
    }>;
    addTailorShare: _$_trpc_server0.TRPCMutationProcedure<{
      input: {
        opportunity: {
          description: string;
          title?: string | null | undefined;
          company?: string | null | undefined;
          url?: string | null | undefined;
        };
        idempotencyKey?: string | undefined;
      };
      output: {
        opportunityId: string;
        jobId: string;
        status: "processing";
      };
      meta: object;
      errorShape: {
        message: string;
        data: {
          zodError: {
            formErrors: string[];
            fieldErrors: {};
          } | null;
          issues: Issue[] | null;
          cause: "limit_reached" | null;
          limit: {
            limit: number;
            used: number;
          } | null;
          code: _$_trpc_server0.TRPC_ERROR_CODE_KEY;
          httpStatus: number;
          path?: string;
          stack?: string;
        };
        code: _$_trpc_server0.TRPC_ERROR_CODE_NUMBER;
      };
    }>;
  }>>;
  jobs: _$_trpc_server0.TRPCBuiltRouter<{
    ctx: ApiContext;
    meta: object;
    errorShape: {
      message: string;
      data: {
        zodError: {
          formErrors: string[];
          fieldErrors: {};
        } | null;
        issues: Issue[] | null;
        cause: "limit_reached" | null;
        limit: {
          limit: number;
          used: number;
        } | null;
        code: _$_trpc_server0.TRPC_ERROR_CODE_KEY;
        httpStatus: number;
        path?: string;
        stack?: string;
      };
      code: _$_trpc_server0.TRPC_ERROR_CODE_NUMBER;
    };
    transformer: true;
  }, _$_trpc_server0.TRPCDecorateCreateRouterOptions<{
    get: _$_trpc_server0.TRPCQueryProcedure<{
      input: {
        jobId: string;
      };
      output: JobView;
      meta: object;
      errorShape: {
        message: string;
        data: {
          zodError: {
            formErrors: string[];
            fieldErrors: {};
          } | null;
          issues: Issue[] | null;
          cause: "limit_reached" | null;
          limit: {
            limit: number;
            used: number;
          } | null;
          code: _$_trpc_server0.TRPC_ERROR_CODE_KEY;
          httpStatus: number;
          path?: string;
          stack?: string;
        };
        code: _$_trpc_server0.TRPC_ERROR_CODE_NUMBER;
      };
    }>;
    list: _$_trpc_server0.TRPCQueryProcedure<{
      input: {
        limit?: number | undefined;
        type?: "resume" | "tailor" | "opportunity" | undefined;
        status?: ("pending" | "processing" | "completed" | "failed" | "cancelled")[] | undefined;
        opportunityId?: string | undefined;
      } | undefined;
      output: JobView[];
      meta: object;
      errorShape: {
        message: string;
        data: {
          zodError: {
            formErrors: string[];
            fieldErrors: {};
          } | null;
          issues: Issue[] | null;
          cause: "limit_reached" | null;
          limit: {
            limit: number;
            used: number;
          } | null;
          code: _$_trpc_server0.TRPC_ERROR_CODE_KEY;
          httpStatus: number;
          path?: string;
          stack?: string;
        };
        code: _$_trpc_server0.TRPC_ERROR_CODE_NUMBER;
      };
    }>;
    cancel: _$_trpc_server0.TRPCMutationProcedure<{
      input: {
        jobId: string;
      };
      output: {
        result: "cancelled" | "cancelling" | "already-finished";
        job: JobView;
      };
      meta: object;
      errorShape: {
        message: string;
        data: {
          zodError: {
            formErrors: string[];
            fieldErrors: {};
          } | null;
          issues: Issue[] | null;
          cause: "limit_reached" | null;
          limit: {
            limit: number;
            used: number;
          } | null;
          code: _$_trpc_server0.TRPC_ERROR_CODE_KEY;
          httpStatus: number;
          path?: string;
          stack?: string;
        };
        code: _$_trpc_server0.TRPC_ERROR_CODE_NUMBER;
      };
    }>;
    onProgress: _$_trpc_server0.TRPCSubscriptionProcedure<{
      input: {
        jobId: string;
        lastEventId?: string | null | undefined;
      };
      output: AsyncIterable<_$_trpc_server_unstable_core_do_not_import0.TrackedData<JobEvent>, void, unknown>;
      meta: object;
      errorShape: {
        message: string;
        data: {
          zodError: {
            formErrors: string[];
            fieldErrors: {};
          } | null;
          issues: Issue[] | null;
          cause: "limit_reached" | null;
          limit: {
            limit: number;
            used: number;
          } | null;
          code: _$_trpc_server0.TRPC_ERROR_CODE_KEY;
          httpStatus: number;
          path?: string;
          stack?: string;
        };
        code: _$_trpc_server0.TRPC_ERROR_CODE_NUMBER;
      };
    }>;
  }>>;
  profiles: _$_trpc_server0.TRPCBuiltRouter<{
    ctx: ApiContext;
    meta: object;
    errorShape: {
      message: string;
      data: {
        zodError: {
          formErrors: string[];
          fieldErrors: {};
        } | null;
        issues: Issue[] | null;
        cause: "limit_reached" | null;
        limit: {
          limit: number;
          used: number;
        } | null;
        code: _$_trpc_server0.TRPC_ERROR_CODE_KEY;
        httpStatus: number;
        path?: string;
        stack?: string;
      };
      code: _$_trpc_server0.TRPC_ERROR_CODE_NUMBER;
    };
    transformer: true;
  }, _$_trpc_server0.TRPCDecorateCreateRouterOptions<{
    get: _$_trpc_server0.TRPCQueryProcedure<{
      input: {
        profileId: string;
      };
      output: ProfileView;
      meta: object;
      errorShape: {
        message: string;
        data: {
          zodError: {
            formErrors: string[];
            fieldErrors: {};
          } | null;
          issues: Issue[] | null;
          cause: "limit_reached" | null;
          limit: {
            limit: number;
            used: number;
          } | null;
          code: _$_trpc_server0.TRPC_ERROR_CODE_KEY;
          httpStatus: number;
          path?: string;
          stack?: string;
        };
        code: _$_trpc_server0.TRPC_ERROR_CODE_NUMBER;
      };
    }>;
    update: _$_trpc_server0.TRPCMutationProcedure<{
      input: {
        profileId: string;
        narrative?: string | undefined;
        resume?: {
          [x: string]: unknown;
          basics?: {
            [x: string]: unknown;
          } | undefined;
          work?: {
            [x: string]: unknown;
            highlights?: string[] | undefined;
            highlightClaimIds?: string[][] | undefined;
          }[] | undefined;
          volunteer?: {
            [x: string]: unknown;
            highlights?: string[] | undefined;
            highlightClaimIds?: string[][] | undefined;
          }[] | undefined;
          education?: {
            [x: string]: unknown;
          }[] | undefined;
          awards?: {
            [x: string]: unknown;
          }[] | undefined;
          certificates?: {
            [x: string]: unknown;
          }[] | undefined;
          publications?: {
            [x: string]: unknown;
          }[] | undefined;
          skills?: {
            [x: string]: unknown;
            keywords?: string[] | undefined;
          }[] | undefined;
          languages?: {
            [x: string]: unknown;
          }[] | undefined;
          interests?: {
            [x: string]: unknown;
          }[] | undefined;
          references?: {
            [x: string]: unknown;
          }[] | undefined;
          projects?: {
            [x: string]: unknown;
            highlights?: string[] | undefined;
            highlightClaimIds?: string[][] | undefined;
          }[] | undefined;
        } | undefined;
      };
      output: ProfileView;
      meta: object;
      errorShape: {
        message: string;
        data: {
          zodError: {
            formErrors: string[];
            fieldErrors: {};
          } | null;
          issues: Issue[] | null;
          cause: "limit_reached" | null;
          limit: {
            limit: number;
            used: number;
          } | null;
          code: _$_trpc_server0.TRPC_ERROR_CODE_KEY;
          httpStatus: number;
          path?: string;
          stack?: string;
        };
        code: _$_trpc_server0.TRPC_ERROR_CODE_NUMBER;
      };
    }>;
    revert: _$_trpc_server0.TRPCMutationProcedure<{
      input: {
        profileId: string;
        field: "resume" | "narrative";
      };
      output: ProfileView;
      meta: object;
      errorShape: {
        message: string;
        data: {
          zodError: {
            formErrors: string[];
            fieldErrors: {};
          } | null;
          issues: Issue[] | null;
          cause: "limit_reached" | null;
          limit: {
            limit: number;
            used: number;
          } | null;
          code: _$_trpc_server0.TRPC_ERROR_CODE_KEY;
          httpStatus: number;
          path?: string;
          stack?: string;
        };
        code: _$_trpc_server0.TRPC_ERROR_CODE_NUMBER;
      };
    }>;
    versions: _$_trpc_server0.TRPCQueryProcedure<{
      input: {
        profileId: string;
      };
      output: VersionSummary[];
      meta: object;
      errorShape: {
        message: string;
        data: {
          zodError: {
            formErrors: string[];
            fieldErrors: {};
          } | null;
          issues: Issue[] | null;
          cause: "limit_reached" | null;
          limit: {
            limit: number;
            used: number;
          } | null;
          code: _$_trpc_server0.TRPC_ERROR_CODE_KEY;
          httpStatus: number;
          path?: string;
          stack?: string;
        };
        code: _$_trpc_server0.TRPC_ERROR_CODE_NUMBER;
      };
    }>;
    version: _$_trpc_server0.TRPCQueryProcedure<{
      input: {
        profileId: string;
        version: number;
      };
      output: ProfileView;
      meta: object;
      errorShape: {
        message: string;
        data: {
          zodError: {
            formErrors: string[];
            fieldErrors: {};
          } | null;
          issues: Issue[] | null;
          cause: "limit_reached" | null;
          limit: {
            limit: number;
            used: number;
          } | null;
          code: _$_trpc_server0.TRPC_ERROR_CODE_KEY;
          httpStatus: number;
          path?: string;
          stack?: string;
        };
        code: _$_trpc_server0.TRPC_ERROR_CODE_NUMBER;
      };
    }>;
    restore: _$_trpc_server0.TRPCMutationProcedure<{
      input: {
        profileId: string;
        version: number;
      };
      output: ProfileView;
      meta: object;
      errorShape: {
        message: string;
        data: {
          zodError: {
            formErrors: string[];
            fieldErrors: {};
          } | null;
          issues: Issue[] | null;
          cause: "limit_reached" | null;
          limit: {
            limit: number;
            used: number;
          } | null;
          code: _$_trpc_server0.TRPC_ERROR_CODE_KEY;
          httpStatus: number;
          path?: string;
          stack?: string;
        };
        code: _$_trpc_server0.TRPC_ERROR_CODE_NUMBER;
      };
    }>;
    export: _$_trpc_server0.TRPCQueryProcedure<{
      input: {
        profileId: string;
        format: "pdf" | "docx" | "markdown" | "json-resume" | "html" | "notes";
        template?: "classic" | "modern" | "compact" | undefined;
        paper?: "a4" | "letter" | undefined;
      };
      output: ExportedFile;
      meta: object;
      errorShape: {
        message: string;
        data: {
          zodError: {
            formErrors: string[];
            fieldErrors: {};
          } | null;
          issues: Issue[] | null;
          cause: "limit_reached" | null;
          limit: {
            limit: number;
            used: number;
          } | null;
          code: _$_trpc_server0.TRPC_ERROR_CODE_KEY;
          httpStatus: number;
          path?: string;
          stack?: string;
        };
        code: _$_trpc_server0.TRPC_ERROR_CODE_NUMBER;
      };
    }>;
  }>>;
  share: _$_trpc_server0.TRPCBuiltRouter<{
    ctx: ApiContext;
    meta: object;
    errorShape: {
      message: string;
      data: {
        zodError: {
          formErrors: string[];
          fieldErrors: {};
        } | null;
        issues: Issue[] | null;
        cause: "limit_reached" | null;
        limit: {
          limit: number;
          used: number;
        } | null;
        code: _$_trpc_server0.TRPC_ERROR_CODE_KEY;
        httpStatus: number;
        path?: string;
        stack?: string;
      };
      code: _$_trpc_server0.TRPC_ERROR_CODE_NUMBER;
    };
    transformer: true;
  }, _$_trpc_server0.TRPCDecorateCreateRouterOptions<{
    create: _$_trpc_server0.TRPCMutationProcedure<{
      input: {
        profileId: string;
        version?: number | undefined;
      };
      output: {
        id: string;
        token: string;
        path: string;
        profileId: string;
        pinnedVersion: number | null;
        viewCount: number;
        createdAt: Date;
        revokedAt: Date | null;
        active: boolean;
      };
      meta: object;
      errorShape: {
        message: string;
        data: {
          zodError: {
            formErrors: string[];
            fieldErrors: {};
          } | null;
          issues: Issue[] | null;
          cause: "limit_reached" | null;
          limit: {
            limit: number;
            used: number;
          } | null;
          code: _$_trpc_server0.TRPC_ERROR_CODE_KEY;
          httpStatus: number;
          path?: string;
          stack?: string;
        };
        code: _$_trpc_server0.TRPC_ERROR_CODE_NUMBER;
      };
    }>;
    revoke: _$_trpc_server0.TRPCMutationProcedure<{
      input: {
        id: string;
      };
      output: {
        id: string;
        token: string;
        path: string;
        profileId: string;
        pinnedVersion: number | null;
        viewCount: number;
        createdAt: Date;
        revokedAt: Date | null;
        active: boolean;
      };
      meta: object;
      errorShape: {
        message: string;
        data: {
          zodError: {
            formErrors: string[];
            fieldErrors: {};
          } | null;
          issues: Issue[] | null;
          cause: "limit_reached" | null;
          limit: {
            limit: number;
            used: number;
          } | null;
          code: _$_trpc_server0.TRPC_ERROR_CODE_KEY;
          httpStatus: number;
          path?: string;
          stack?: string;
        };
        code: _$_trpc_server0.TRPC_ERROR_CODE_NUMBER;
      };
    }>;
    list: _$_trpc_server0.TRPCQueryProcedure<{
      input: {
        profileId?: string | undefined;
      } | undefined;
      output: {
        id: string;
        token: string;
        path: string;
        profileId: string;
        pinnedVersion: number | null;
        viewCount: number;
        createdAt: Date;
        revokedAt: Date | null;
        active: boolean;
      }[];
      meta: object;
      errorShape: {
        message: string;
        data: {
          zodError: {
            formErrors: string[];
            fieldErrors: {};
          } | null;
          issues: Issue[] | null;
          cause: "limit_reached" | null;
          limit: {
            limit: number;
            used: number;
          } | null;
          code: _$_trpc_server0.TRPC_ERROR_CODE_KEY;
          httpStatus: number;
          path?: string;
          stack?: string;
        };
        code: _$_trpc_server0.TRPC_ERROR_CODE_NUMBER;
      };
    }>;
    view: _$_trpc_server0.TRPCQueryProcedure<{
      input: {
        token: string;
      };
      output: {
        opportunity: {
          title: string;
          company: string | null;
        };
        narrative: string;
        narrativeSentences: {
          text: string;
          claimIds: string[];
        }[];
        resume: {
          [x: string]: unknown;
          basics?: {
            [x: string]: unknown;
          } | undefined;
          work?: {
            [x: string]: unknown;
            highlights?: string[] | undefined;
            highlightClaimIds?: string[][] | undefined;
          }[] | undefined;
          volunteer?: {
            [x: string]: unknown;
            highlights?: string[] | undefined;
            highlightClaimIds?: string[][] | undefined;
          }[] | undefined;
          education?: {
            [x: string]: unknown;
          }[] | undefined;
          awards?: {
            [x: string]: unknown;
          }[] | undefined;
          certificates?: {
            [x: string]: unknown;
          }[] | undefined;
          publications?: {
            [x: string]: unknown;
          }[] | undefined;
          skills?: {
            [x: string]: unknown;
            keywords?: string[] | undefined;
          }[] | undefined;
          languages?: {
            [x: string]: unknown;
          }[] | undefined;
          interests?: {
            [x: string]: unknown;
          }[] | undefined;
          references?: {
            [x: string]: unknown;
          }[] | undefined;
          projects?: {
            [x: string]: unknown;
            highlights?: string[] | undefined;
            highlightClaimIds?: string[][] | undefined;
          }[] | undefined;
        };
        updatedAt: Date;
      };
      meta: object;
      errorShape: {
        message: string;
        data: {
          zodError: {
            formErrors: string[];
            fieldErrors: {};
          } | null;
          issues: Issue[] | null;
          cause: "limit_reached" | null;
          limit: {
            limit: number;
            used: number;
          } | null;
          code: _$_trpc_server0.TRPC_ERROR_CODE_KEY;
          httpStatus: number;
          path?: string;
          stack?: string;
        };
        code: _$_trpc_server0.TRPC_ERROR_CODE_NUMBER;
      };
    }>;
  }>>;
  apiKeys: _$_trpc_server0.TRPCBuiltRouter<{
    ctx: ApiContext;
    meta: object;
    errorShape: {
      message: string;
      data: {
        zodError: {
          formErrors: string[];
          fieldErrors: {};
        } | null;
        issues: Issue[] | null;
        cause: "limit_reached" | null;
        limit: {
          limit: number;
          used: number;
        } | null;
        code: _$_trpc_server0.TRPC_ERROR_CODE_KEY;
        httpStatus: number;
        path?: string;
        stack?: string;
      };
      code: _$_trpc_server0.TRPC_ERROR_CODE_NUMBER;
    };
    transformer: true;
  }, _$_trpc_server0.TRPCDecorateCreateRouterOptions<{
    create: _$_trpc_server0.TRPCMutationProcedure<{
      input: {
        name?: string | undefined;
      } | undefined;
      output: {
        id: string;
        key: string;
        name: string | null;
        start: string | null;
      };
      meta: object;
      errorShape: {
        message: string;
        data: {
          zodError: {
            formErrors: string[];
            fieldErrors: {};
          } | null;
          issues: Issue[] | null;
          cause: "limit_reached" | null;
          limit: {
            limit: number;
            used: number;
          } | null;
          code: _$_trpc_server0.TRPC_ERROR_CODE_KEY;
          httpStatus: number;
          path?: string;
          stack?: string;
        };
        code: _$_trpc_server0.TRPC_ERROR_CODE_NUMBER;
      };
    }>;
    list: _$_trpc_server0.TRPCQueryProcedure<{
      input: void;
      output: ApiKeySummary[];
      meta: object;
      errorShape: {
        message: string;
        data: {
          zodError: {
            formErrors: string[];
            fieldErrors: {};
          } | null;
          issues: Issue[] | null;
          cause: "limit_reached" | null;
          limit: {
            limit: number;
            used: number;
          } | null;
          code: _$_trpc_server0.TRPC_ERROR_CODE_KEY;
          httpStatus: number;
          path?: string;
          stack?: string;
        };
        code: _$_trpc_server0.TRPC_ERROR_CODE_NUMBER;
      };
    }>;
    revoke: _$_trpc_server0.TRPCMutationProcedure<{
      input: {
        id: string;
      };
      output: {
        id: string;
      };
      meta: object;
      errorShape: {
        message: string;
        data: {
          zodError: {
            formErrors: string[];
            fieldErrors: {};
          } | null;
          issues: Issue[] | null;
          cause: "limit_reached" | null;
          limit: {
            limit: number;
            used: number;
          } | null;
          code: _$_trpc_server0.TRPC_ERROR_CODE_KEY;
          httpStatus: number;
          path?: string;
          stack?: string;
        };
        code: _$_trpc_server0.TRPC_ERROR_CODE_NUMBER;
      };
    }>;
  }>>;
  usage: _$_trpc_server0.TRPCBuiltRouter<{
    ctx: ApiContext;
    meta: object;
    errorShape: {
      message: string;
      data: {
        zodError: {
          formErrors: string[];
          fieldErrors: {};
        } | null;
        issues: Issue[] | null;
        cause: "limit_reached" | null;
        limit: {
          limit: number;
          used: number;
        } | null;
        code: _$_trpc_server0.TRPC_ERROR_CODE_KEY;
        httpStatus: number;
        path?: string;
        stack?: string;
      };
      code: _$_trpc_server0.TRPC_ERROR_CODE_NUMBER;
    };
    transformer: true;
  }, _$_trpc_server0.TRPCDecorateCreateRouterOptions<{
    get: _$_trpc_server0.TRPCQueryProcedure<{
      input: void;
      output: Usage;
      meta: object;
      errorShape: {
        message: string;
        data: {
          zodError: {
            formErrors: string[];
            fieldErrors: {};
          } | null;
          issues: Issue[] | null;
          cause: "limit_reached" | null;
          limit: {
            limit: number;
            used: number;
          } | null;
          code: _$_trpc_server0.TRPC_ERROR_CODE_KEY;
          httpStatus: number;
          path?: string;
          stack?: string;
        };
        code: _$_trpc_server0.TRPC_ERROR_CODE_NUMBER;
      };
    }>;
  }>>;
}>>;
type AppRouter = typeof appRouter;
//#endregion
//#region ../../src/lib/client/index.d.ts
type RouterInputs = inferRouterInputs<AppRouter>;
type RouterOutputs = inferRouterOutputs<AppRouter>;
type Yielded<T> = T extends AsyncIterable<infer U> ? U : never;
/** One `jobs.onProgress` message: `{ id, data }`, `data` being the job event with that id. */
type JobProgress = Yielded<RouterOutputs['jobs']['onProgress']>;
/** An error from the API: `data.code` (`NOT_FOUND`, `BAD_REQUEST`…), `data.issues`, `data.cause`. */
type TailorError = TRPCClientError<AppRouter>;
/**
 * Whether `error` came from the API, narrowing it so that `error.data` is typed: its `code`, the
 * input `issues` (each a JSON pointer and a message) of a BAD_REQUEST, and `cause` (`limit_reached`
 * with `limit` when the monthly allowance is used up).
 */
declare function isTailorError(error: unknown): error is TailorError;
type TailorClientOptions = {
  /** The app's address (`https://tailor.example.com`) or its API endpoint (`…/api/trpc`). */url: string; /** An API key from Settings (`tlr_…`); without one, a browser's session cookie is used. */
  apiKey?: string; /** A fetch to use instead of the global one (tests, proxies, instrumentation). */
  fetch?: typeof globalThis.fetch;
};
type TailorClient = ReturnType<typeof createTRPCClient<AppRouter>>;
/**
 * A typed client for the Tailor API: queries and mutations batched over HTTP, `jobs.onProgress`
 * over server-sent events. The `eventsource` ponyfill is used everywhere (Node has no EventSource,
 * and the browser's cannot send an Authorization header); it resumes from the last event id.
 */
declare function createTailorClient(options: TailorClientOptions): TailorClient;
//#endregion
export { type AppRouter, JobProgress, RouterInputs, RouterOutputs, TRPCClientError, TailorClient, TailorClientOptions, TailorError, createTailorClient, isTailorError };